/*
 * Syntax of the Nomos law language. The AST builder in the compiler turns these trees into an
 * immutable AST; contextual names (the relation of an `on` binder, its options, `screen W x H`)
 * are validated there, so that a misspelling is a checker diagnostic with a suggestion rather than
 * a bare syntax error.
 */
parser grammar NomosParser;

options { tokenVocab = NomosLexer; }

file
  : useDecl* topDecl* EOF
  ;

useDecl
  : USE STRING SEMI?
  ;

topDecl
  : worldDecl
  | lawDecl
  | floorDecl
  ;

// ---- the floor ------------------------------------------------------------------------------

// `floor { x 0.0004  spawn 0.02 }`: the weight of the background mixed into every target, per
// channel. `floor` is a contextual word, not a keyword, so it stays a valid name for a type or an
// attribute (MiniGrid has floor tiles); the predicate keeps any other word from starting a
// declaration, so error recovery at the top level is what it was. `spawn` is a keyword and
// therefore listed beside ID.
floorDecl
  : {_input.LT(1).getText().equals("floor")}? keyword=ID LBRACE floorItem* RBRACE
  ;

floorItem
  : channel=(ID | SPAWN) value=number
  ;

// ---- worlds ---------------------------------------------------------------------------------

worldDecl
  : WORLD name=ID LBRACE worldItem* RBRACE
  ;

worldItem
  : SCREEN width=INT by=ID height=INT                           # screenItem
  | VELOCITY lo=signedInt DOTDOT hi=signedInt                   # velocityItem
  | ACTIONS ID (COMMA ID)* COMMA?                               # actionsItem
  | ENTITY name=ID (LBRACE (attrDecl (COMMA attrDecl)* COMMA?)? RBRACE)?   # entityItem
  | option=ID value=signedInt                                   # optionItem
  ;

attrDecl
  : name=ID COLON attrType
  ;

attrType
  : INT_TYPE (lo=signedInt DOTDOT hi=signedInt)?                # intType
  | BOOL_TYPE                                                   # boolType
  | LBRACE ID (COMMA ID)* COMMA? RBRACE                         # symbolType
  ;

signedInt
  : MINUS? INT
  ;

// ---- laws -----------------------------------------------------------------------------------

lawDecl
  : LAW name=ID (WEIGHT weight=number)? LBRACE binderClause* whenClause? thenClause RBRACE
  ;

binderClause
  : FOR binding (COMMA binding)*                                # forClause
  | ON relation=ID LPAREN binding COMMA binding (COMMA relationOption)* RPAREN   # relationClause
  ;

binding
  : name=ID COLON type=ID
  ;

relationOption
  : name=ID COLON (value=ID | number | HOLE)
  ;

whenClause
  : WHEN expr
  ;

thenClause
  : THEN effect (SEMI? effect)* SEMI?
  ;

effect
  : target ASSIGN (expr | SEQ LPAREN expr (COMMA expr)* RPAREN AFTER trigger=expr)   # assignEffect
  | target TILDE ONE_OF LPAREN expr (COMMA expr)* RPAREN        # oneOfEffect
  | target TILDE RANGE LPAREN lo=expr COMMA hi=expr RPAREN      # rangeEffect
  | target TILDE WEIGHTED LPAREN weightedAlt (COMMA weightedAlt)* RPAREN   # weightedEffect
  | DESTROY ID                                                  # destroyEffect
  | SPAWN type=ID AT LPAREN x=expr COMMA y=expr RPAREN          # spawnEffect
  ;

target
  : object=ID DOT attribute=ID
  ;

weightedAlt
  : value=expr COLON weight=number
  ;

number
  : INT
  | DECIMAL
  ;

// ---- expressions (alternatives from tightest to loosest binding) ----------------------------

expr
  : primary                                                     # primaryExpr
  | MINUS expr                                                  # negateExpr
  | expr op=(STAR | SLASH | PERCENT) expr                       # multiplyExpr
  | expr op=(PLUS | MINUS) expr                                 # addExpr
  | expr NOT? IN LBRACE expr (COMMA expr)* COMMA? RBRACE        # inSetExpr
  | expr NOT? IN lo=expr DOTDOT hi=expr                         # inRangeExpr
  | expr op=(EQ | NE | LT | LE | GT | GE) expr                  # compareExpr
  | NOT expr                                                    # notExpr
  | expr AND expr                                               # andExpr
  | expr OR expr                                                # orExpr
  | IF cond=expr THEN yes=expr ELSE no=expr                     # ifExpr
  ;

primary
  : INT                                                         # intLiteral
  | (TRUE | FALSE)                                              # boolLiteral
  | HOLE                                                        # holeLiteral
  | ACTION history?                                             # actionRef
  | STEP                                                        # stepRef
  | object=ID DOT attribute=ID history?                         # attributeRef
  | function=ID LPAREN (expr (COMMA expr)*)? RPAREN history?    # callExpr
  | ID                                                          # nameRef
  | LPAREN expr RPAREN                                          # parenExpr
  | EXISTS binding (WHERE expr)?                                # existsExpr
  | COUNT LPAREN type=ID RPAREN                                 # countTypeExpr
  | COUNT binding WHERE expr                                    # countWhereExpr
  | quantifier=(ALL | ANY | COUNT) var=ID IN lo=INT DOTDOT hi=INT COLON expr   # historyAggregateExpr
  ;

// A condition over a whole frame, outside any law (the planner's goals: `nomos plan --goal`).
condition
  : expr EOF
  ;

history
  : AT_SIGN MINUS (INT | ID | LPAREN expr RPAREN)
  ;
