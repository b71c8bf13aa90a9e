/*
 * Tokens of the Nomos law language. Doc comments (///) and ordinary comments (//) go to their own
 * channels so the parser never sees them but the AST builder (docs) and the formatter (comments)
 * can still find them next to the code they describe.
 */
lexer grammar NomosLexer;

channels { DOC, COMMENTS }

// Keywords. Kept few on purpose: every keyword is a name an attribute can no longer have.
USE      : 'use';
WORLD    : 'world';
SCREEN   : 'screen';
VELOCITY : 'velocity';
ACTIONS  : 'actions';
ENTITY   : 'entity';
LAW      : 'law';
WEIGHT   : 'weight';
CONSTRAINT : 'constraint';
FOR      : 'for';
ON       : 'on';
WHEN     : 'when';
THEN     : 'then';
DESTROY  : 'destroy';
SPAWN    : 'spawn';
AT       : 'at';
IF       : 'if';
ELSE     : 'else';
AND      : 'and';
OR       : 'or';
NOT      : 'not';
IN       : 'in';
EXISTS   : 'exists';
COUNT    : 'count';
ALL      : 'all';
ANY      : 'any';
WHERE    : 'where';
TRUE     : 'true';
FALSE    : 'false';
ACTION   : 'action';
STEP     : 'step';
SEQ      : 'seq';
AFTER    : 'after';
INT_TYPE : 'int';
BOOL_TYPE: 'bool';
ONE_OF   : 'one_of';
RANGE    : 'range';
WEIGHTED : 'weighted';
CHOOSE   : 'choose';

ASSIGN   : ':=';
EQ_SIGN  : '=';
TILDE    : '~';
EQ       : '==';
NE       : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
PERCENT  : '%';
DOTDOT   : '..';
DOT      : '.';
COMMA    : ',';
COLON    : ':';
SEMI     : ';';
LPAREN   : '(';
RPAREN   : ')';
LBRACE   : '{';
RBRACE   : '}';
AT_SIGN  : '@';
PIPE     : '|';
HOLE     : '?';

DECIMAL  : [0-9]+ '.' [0-9]+;
INT      : [0-9]+;
ID       : [a-zA-Z_] [a-zA-Z_0-9]*;
STRING   : '"' (~["\\\r\n] | '\\' ["\\])* '"';

DOC_COMMENT  : '///' ~[\r\n]* -> channel(DOC);
LINE_COMMENT : '//' ~[\r\n]* -> channel(COMMENTS);
WS           : [ \t\r\n]+ -> skip;

// Anything else becomes one token the parser rejects, so a stray character is a syntax error with
// a position rather than a lexer failure.
ERROR_CHAR : . ;
