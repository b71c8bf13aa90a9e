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
  | constraintDecl
  | floorDecl
  | defDecl
  ;

// ---- definitions ----------------------------------------------------------------------------

// `def front_x(a: agent) = a.x + dx(a.dir)`: a named expression, inlined where it is used. `def`
// is a contextual word like `floor`, so it stays a valid name for a type or an attribute.
defDecl
  : {_input.LT(1).getText().equals("def")}? keyword=ID name=ID (LPAREN (defParam (COMMA defParam)*)? RPAREN)? EQ_SIGN body=expr
  ;

defParam
  : name=ID COLON type=(ID | INT_TYPE | BOOL_TYPE)
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
  | {_input.LT(1).getText().equals("enum")}? keyword=ID name=ID LBRACE ID (COMMA ID)* COMMA? RBRACE   # enumItem
  ;

attrDecl
  : name=ID COLON attrType
  ;

attrType
  : INT_TYPE (lo=signedInt DOTDOT hi=signedInt)?                # intType
  | BOOL_TYPE                                                   # boolType
  | LBRACE ID (COMMA ID)* COMMA? RBRACE                         # symbolType
  | name=ID                                                     # namedType
  ;

signedInt
  : MINUS? INT
  ;

// ---- laws -----------------------------------------------------------------------------------

// A law's weight may be negative (an expert that disfavours what it allows); docs/language.md, section 8.
lawDecl
  : LAW name=ID lawCases? (WEIGHT weight=signedNumber (COMMA signedNumber)*)? LBRACE binderClause* whenClause? thenClause RBRACE
  ;

// `law stays for T in {wall, door} weight 2.0, 1.5 { ... }`: one law per case (per combination of
// cases), each with its own weight, listed in case order.
lawCases
  : FOR lawCase (COMMA lawCase)*
  ;

lawCase
  : name=ID IN LBRACE caseValue (COMMA caseValue)* COMMA? RBRACE
  ;

caseValue
  : ID
  | signedInt
  ;

// ---- constraints ----------------------------------------------------------------------------

// `constraint name { binders... [when guard] then p.cx == r.cx  p.y in lo..hi }`: hard requirements
// on targets of frame t+1. A weight is parsed so that the checker can say why a constraint has
// none (N330) rather than leave a bare syntax error.
constraintDecl
  : CONSTRAINT name=ID (WEIGHT weight=number)? LBRACE binderClause* whenClause? THEN requirement (SEMI? requirement)* SEMI? RBRACE
  ;

requirement
  : target EQ value=expr                                        # equalRequirement
  | target IN lo=expr DOTDOT hi=expr                            # rangeRequirement
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
  | SPAWN type=ID AT (LPAREN x=expr COMMA y=expr RPAREN | places=spawnPlaces) chance=spawnChance?   # spawnEffect
  | CHOOSE LBRACE jointAlt (PIPE jointAlt)* RBRACE               # chooseEffect
  ;

// The places of a creation, as a distribution: `one_of((x, y), ...)`, `weighted((x, y): w, ...)`,
// or `range((x0, y0), (x1, y1))`, every place of the rectangle between two corners.
spawnPlaces
  : ONE_OF LPAREN place (COMMA place)* RPAREN                   # oneOfPlaces
  | WEIGHTED LPAREN weightedPlace (COMMA weightedPlace)* RPAREN # weightedPlaces
  | RANGE LPAREN lo=place COMMA hi=place RPAREN                 # rangePlaces
  ;

place
  : LPAREN x=expr COMMA y=expr RPAREN
  ;

weightedPlace
  : place COLON weight=number
  ;

// `with probability 0.25` (written) or `with probability fitted [0.25]` (nomos fit fits it, from the
// number when one is written). The three words are contextual, not keywords, so they stay valid
// names; the predicates keep an effect that starts with a variable named `with` an effect.
spawnChance
  : {_input.LT(1).getText().equals("with") && _input.LT(2).getText().equals("probability")}? with=ID probability=ID
    ({_input.LT(1).getText().equals("fitted")}? fitted=ID start=number? | value=number)
  ;

// One alternative of a joint choice: `stay` (a contextual word, checked by the AST builder) or
// assignments to several targets of one object, with an optional weight.
jointAlt
  : (stay=ID | jointAssign (COMMA jointAssign)*) (WEIGHT weight=number)?
  ;

jointAssign
  : target ASSIGN expr
  ;

// `b.vy` speaks about an object; a bare `reward` or `end` about the world (the checker says which names).
target
  : object=ID DOT attribute=ID
  | attribute=ID
  ;

// A weight is a decimal or an int expression (`1`, `n_free`, `4 - count(...)`), read at t.
weightedAlt
  : value=expr COLON (DECIMAL | weight=expr)
  ;

number
  : INT
  | DECIMAL
  ;

signedNumber
  : MINUS? number
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
  | LPAREN expr RPAREN history?                                 # parenExpr
  | EXISTS binding (WHERE expr)?                                # existsExpr
  | COUNT LPAREN type=ID RPAREN history?                        # countTypeExpr
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
