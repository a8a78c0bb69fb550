//! The `FILTER` lexer and recursive-descent parser, bounded as [`super`] describes: it
//! counts nodes and nesting as it goes, so it refuses past a bound before recursing.

use super::{Expr, Limit, Op, ParseError, Value, MAX_DEPTH, MAX_NODES};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    Ident(String),
    Text(String),
    Number(f64),
    Open,
    Close,
    Comma,
}

pub(super) fn lex(input: &str) -> Result<Vec<(usize, Token)>, ParseError> {
    let mut out = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | ',' => {
                chars.next();
                let t = match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    _ => Token::Comma,
                };
                out.push((i, t));
            }
            '\'' => {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some((_, '\'')) => {
                            if matches!(chars.peek(), Some((_, '\''))) {
                                chars.next();
                                s.push('\'');
                            } else {
                                break;
                            }
                        }
                        Some((_, ch)) => s.push(ch),
                        None => return Err(ParseError::new(i, "unterminated text")),
                    }
                }
                out.push((i, Token::Text(s)));
            }
            c if c.is_ascii_digit() || c == '-' => {
                let mut s = String::new();
                while let Some(&(_, d)) = chars.peek() {
                    if d.is_ascii_digit() || d == '.' || d == '-' {
                        s.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                let n = s
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(|| ParseError::new(i, format!("bad number {s}")))?;
                out.push((i, Token::Number(n)));
            }
            c if c.is_alphanumeric() || c == '_' => {
                let mut s = String::new();
                while let Some(&(_, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '.' {
                        s.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push((i, Token::Ident(s)));
            }
            other => return Err(ParseError::new(i, format!("unexpected character {other:?}"))),
        }
    }
    Ok(out)
}

pub(super) struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
    len: usize,
    /// Nodes built so far (bounded by [`MAX_NODES`]).
    nodes: usize,
    /// Current nesting of parentheses and `not`s (bounded by [`MAX_DEPTH`]).
    depth: usize,
}

impl Parser {
    pub(super) fn new(tokens: Vec<(usize, Token)>, len: usize) -> Parser {
        Parser { tokens, pos: 0, len, nodes: 0, depth: 0 }
    }

    pub(super) fn peek(&self) -> Option<&(usize, Token)> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Result<(usize, Token), ParseError> {
        let t = self.tokens.get(self.pos).cloned().ok_or_else(|| ParseError::new(self.len, "unexpected end"))?;
        self.pos += 1;
        Ok(t)
    }

    fn keyword(&self, kw: &str) -> bool {
        matches!(self.peek(), Some((_, Token::Ident(s))) if s.eq_ignore_ascii_case(kw))
    }

    fn expect(&mut self, want: Token) -> Result<(), ParseError> {
        let (at, t) = self.next()?;
        if t == want {
            Ok(())
        } else {
            Err(ParseError::new(at, format!("expected {want:?}, found {t:?}")))
        }
    }

    fn at(&self) -> usize {
        self.peek().map(|(at, _)| *at).unwrap_or(self.len)
    }

    /// Counts one more node of the tree.
    fn node(&mut self) -> Result<(), ParseError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(ParseError::past(self.at(), Limit::Nodes));
        }
        Ok(())
    }

    /// Goes one level deeper (a parenthesis or a `not`), runs `f`, and comes back.
    fn nested(&mut self, f: impl FnOnce(&mut Parser) -> Result<Expr, ParseError>) -> Result<Expr, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::past(self.at(), Limit::Depth));
        }
        let e = f(self)?;
        self.depth -= 1;
        Ok(e)
    }

    pub(super) fn or(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.and()?];
        while self.keyword("or") {
            self.pos += 1;
            parts.push(self.and()?);
        }
        if parts.len() > 1 {
            self.node()?;
        }
        Ok(Expr::any(parts).expect("at least one part"))
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.unary()?];
        while self.keyword("and") {
            self.pos += 1;
            parts.push(self.unary()?);
        }
        if parts.len() > 1 {
            self.node()?;
        }
        Ok(Expr::all(parts).expect("at least one part"))
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.keyword("not") {
            self.pos += 1;
            self.node()?;
            return self.nested(|p| Ok(Expr::Not(Box::new(p.unary()?))));
        }
        let (at, t) = self.next()?;
        match t {
            Token::Open => self.nested(|p| {
                let e = p.or()?;
                p.expect(Token::Close)?;
                Ok(e)
            }),
            Token::Ident(name)
                if (name.eq_ignore_ascii_case("contains") || name.eq_ignore_ascii_case("startswith"))
                    && matches!(self.peek(), Some((_, Token::Open))) =>
            {
                self.pos += 1;
                self.node()?;
                let field = self.field()?;
                self.expect(Token::Comma)?;
                let value = match self.next()? {
                    (_, Token::Text(s)) => s,
                    (at, t) => return Err(ParseError::new(at, format!("expected text, found {t:?}"))),
                };
                self.expect(Token::Close)?;
                Ok(if name.eq_ignore_ascii_case("contains") {
                    Expr::Contains { field, value }
                } else {
                    Expr::StartsWith { field, value }
                })
            }
            Token::Ident(field) => {
                self.node()?;
                let op = match self.next()? {
                    (_, Token::Ident(op)) => match op.to_ascii_lowercase().as_str() {
                        "eq" => Op::Eq,
                        "ne" => Op::Ne,
                        "gt" => Op::Gt,
                        "ge" => Op::Ge,
                        "lt" => Op::Lt,
                        "le" => Op::Le,
                        _ => return Err(ParseError::new(at, format!("unknown operator {op}"))),
                    },
                    (at, t) => return Err(ParseError::new(at, format!("expected operator, found {t:?}"))),
                };
                let value = match self.next()? {
                    (_, Token::Text(s)) => Value::Text(s),
                    (_, Token::Number(n)) => Value::Number(n),
                    (_, Token::Ident(b)) if b.eq_ignore_ascii_case("true") => Value::Bool(true),
                    (_, Token::Ident(b)) if b.eq_ignore_ascii_case("false") => Value::Bool(false),
                    (at, t) => return Err(ParseError::new(at, format!("expected a value, found {t:?}"))),
                };
                Ok(Expr::Compare { field, op, value })
            }
            t => Err(ParseError::new(at, format!("unexpected {t:?}"))),
        }
    }

    fn field(&mut self) -> Result<String, ParseError> {
        match self.next()? {
            (_, Token::Ident(s)) => Ok(s),
            (at, t) => Err(ParseError::new(at, format!("expected a field name, found {t:?}"))),
        }
    }
}
