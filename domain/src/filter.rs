//! The OData-like `FILTER` expressions of the contract (§1.2): built by the app, parsed and
//! turned into SQL by the stand-in server, and evaluated in memory for offline search.
//!
//! Grammar (case-insensitive keywords):
//! ```text
//! expr    := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | "(" expr ")" | func | field op literal
//! func    := ("contains" | "startswith") "(" field "," literal ")"
//! op      := eq | ne | gt | ge | lt | le
//! literal := 'text with '' escaped' | number | true | false
//! ```
//! Parsing is bounded, whatever the input: at most [`MAX_LEN`] characters, [`MAX_NODES`]
//! conditions and operators, and [`MAX_DEPTH`] nested parentheses or `not`s. TGV's screens
//! send a handful of conditions two or three levels deep; OData servers default to 100
//! nodes. Past a limit the error names it ([`ParseError::limit`]), and the recursion of the
//! parser (and of everything that walks an [`Expr`] later) stays shallow.
//!
//! `contains` and `startswith` ignore case and accents (see [`crate::text::fold`]) so that
//! online and offline searches agree.
//!
//! ```
//! use mascate_domain::filter::{Expr, Value};
//! let e = Expr::eq("uf", "SP").and(Expr::contains("name", "O'Brien"));
//! assert_eq!(e.to_string(), "(uf eq 'SP' and contains(name,'O''Brien'))");
//! assert_eq!(Expr::parse(&e.to_string()).unwrap(), e);
//! ```

use std::fmt;

mod eval;
mod parse;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

impl Op {
    fn keyword(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Gt => "gt",
            Op::Ge => "ge",
            Op::Lt => "lt",
            Op::Le => "le",
        }
    }

    /// The SQL operator with the same meaning.
    pub fn sql(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "<>",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
        }
    }
}

/// A literal on the right-hand side.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}
impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

/// A filter expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    Compare { field: String, op: Op, value: Value },
    Contains { field: String, value: String },
    StartsWith { field: String, value: String },
}

/// The longest `FILTER` parsed, in characters.
pub const MAX_LEN: usize = 2_048;
/// The most conditions, `and`/`or` groups and `not`s in one `FILTER`.
pub const MAX_NODES: usize = 100;
/// The deepest nesting of parentheses and `not`s.
pub const MAX_DEPTH: usize = 10;

/// Which bound a `FILTER` went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// More than [`MAX_LEN`] characters.
    Length,
    /// More than [`MAX_NODES`] nodes.
    Nodes,
    /// Deeper than [`MAX_DEPTH`].
    Depth,
}

impl Limit {
    /// The bound's value.
    pub fn value(self) -> usize {
        match self {
            Limit::Length => MAX_LEN,
            Limit::Nodes => MAX_NODES,
            Limit::Depth => MAX_DEPTH,
        }
    }
}

/// A refusal to parse, with the byte offset where it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub at: usize,
    pub message: String,
    /// Set when the input went past one of the parser's bounds.
    pub limit: Option<Limit>,
}

impl ParseError {
    fn new(at: usize, message: impl Into<String>) -> ParseError {
        ParseError { at, message: message.into(), limit: None }
    }

    fn past(at: usize, limit: Limit) -> ParseError {
        let what = match limit {
            Limit::Length => "characters",
            Limit::Nodes => "conditions and operators",
            Limit::Depth => "levels of nesting",
        };
        ParseError { at, message: format!("more than {} {what}", limit.value()), limit: Some(limit) }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid FILTER at position {}: {}", self.at, self.message)
    }
}

impl std::error::Error for ParseError {}

impl Expr {
    pub fn eq(field: &str, value: impl Into<Value>) -> Expr {
        Expr::Compare { field: field.into(), op: Op::Eq, value: value.into() }
    }

    pub fn compare(field: &str, op: Op, value: impl Into<Value>) -> Expr {
        Expr::Compare { field: field.into(), op, value: value.into() }
    }

    pub fn contains(field: &str, value: &str) -> Expr {
        Expr::Contains { field: field.into(), value: value.into() }
    }

    pub fn starts_with(field: &str, value: &str) -> Expr {
        Expr::StartsWith { field: field.into(), value: value.into() }
    }

    /// `self and other`, flattening nested ands.
    pub fn and(self, other: Expr) -> Expr {
        match self {
            Expr::And(mut v) => {
                v.push(other);
                Expr::And(v)
            }
            e => Expr::And(vec![e, other]),
        }
    }

    /// Joins many expressions with `and`; `None` when there are none.
    pub fn all(parts: Vec<Expr>) -> Option<Expr> {
        Self::join(parts, Expr::And)
    }

    /// Joins many expressions with `or`; `None` when there are none.
    pub fn any(parts: Vec<Expr>) -> Option<Expr> {
        Self::join(parts, Expr::Or)
    }

    fn join(mut parts: Vec<Expr>, make: fn(Vec<Expr>) -> Expr) -> Option<Expr> {
        match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(make(parts)),
        }
    }

    /// Every field name the expression mentions, so a server can check them against its map.
    pub fn fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.visit_fields(&mut out);
        out
    }

    fn visit_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::And(v) | Expr::Or(v) => v.iter().for_each(|e| e.visit_fields(out)),
            Expr::Not(e) => e.visit_fields(out),
            Expr::Compare { field, .. } | Expr::Contains { field, .. } | Expr::StartsWith { field, .. } => {
                out.push(field)
            }
        }
    }

    /// Parses a `FILTER` string, within [`MAX_LEN`], [`MAX_NODES`] and [`MAX_DEPTH`].
    pub fn parse(input: &str) -> Result<Expr, ParseError> {
        if let Some((at, _)) = input.char_indices().nth(MAX_LEN) {
            return Err(ParseError::past(at, Limit::Length));
        }
        let tokens = parse::lex(input)?;
        let mut p = parse::Parser::new(tokens, input.len());
        let e = p.or()?;
        match p.peek() {
            None => Ok(e),
            Some((at, t)) => Err(ParseError::new(*at, format!("unexpected {t:?}"))),
        }
    }
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) => f.write_str(&quote(s)),
            Value::Number(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, v: &[Expr], sep: &str| -> fmt::Result {
            f.write_str("(")?;
            for (i, e) in v.iter().enumerate() {
                if i > 0 {
                    write!(f, " {sep} ")?;
                }
                write!(f, "{e}")?;
            }
            f.write_str(")")
        };
        match self {
            Expr::And(v) => list(f, v, "and"),
            Expr::Or(v) => list(f, v, "or"),
            Expr::Not(e) => write!(f, "not {e}"),
            Expr::Compare { field, op, value } => write!(f, "{field} {} {value}", op.keyword()),
            Expr::Contains { field, value } => write!(f, "contains({field},{})", quote(value)),
            Expr::StartsWith { field, value } => write!(f, "startswith({field},{})", quote(value)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_contract_examples() {
        assert_eq!(Expr::parse("code eq '000001'").unwrap(), Expr::eq("code", "000001"));
        let e = Expr::parse("uf eq 'SP' AND (contains(name,'silva') or startswith(code,'00'))").unwrap();
        assert_eq!(
            e,
            Expr::And(vec![
                Expr::eq("uf", "SP"),
                Expr::Or(vec![Expr::contains("name", "silva"), Expr::starts_with("code", "00")]),
            ])
        );
        assert_eq!(e.fields(), vec!["uf", "name", "code"]);
        assert_eq!(Expr::parse("creditlimit ge 1000.5").unwrap(), Expr::compare("creditlimit", Op::Ge, 1000.5));
        assert_eq!(Expr::parse("not status eq '1'").unwrap(), Expr::Not(Box::new(Expr::eq("status", "1"))));
    }

    #[test]
    fn display_round_trips_quotes_and_injection_attempts() {
        let nasty = "x' or 1=1 --";
        let e = Expr::contains("name", nasty).and(Expr::eq("uf", "D'O"));
        let back = Expr::parse(&e.to_string()).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn rejects_garbage_with_position() {
        let err = Expr::parse("name eq").unwrap_err();
        assert_eq!(err.at, 7);
        assert!(Expr::parse("name like 'a'").is_err());
        assert!(Expr::parse("contains(name,'a'").is_err());
        assert!(Expr::parse("name eq 'open").is_err());
        assert!(Expr::parse("name eq 'a' junk").is_err());
        assert!(Expr::parse("name eq 'a'; drop table").is_err());
    }

    #[test]
    fn hostile_input_is_refused_within_bounds_not_by_the_stack() {
        let deep = format!("{}name eq 'a'{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(Expr::parse(&deep[..MAX_LEN]).unwrap_err().limit, Some(Limit::Depth));
        assert_eq!(Expr::parse(&deep).unwrap_err().limit, Some(Limit::Length));
        let nots = format!("{}name eq 'a'", "not ".repeat(500));
        assert_eq!(Expr::parse(&nots).unwrap_err().limit, Some(Limit::Depth));
        let many = vec!["uf eq 'SP'"; 101].join(" and ");
        assert_eq!(Expr::parse(&many).unwrap_err().limit, Some(Limit::Nodes));
        let fits = vec!["uf eq 'SP'"; 99].join(" and ");
        assert_eq!(Expr::parse(&fits).unwrap().fields().len(), 99);
        let nested = format!("{}uf eq 'SP'{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(Expr::parse(&nested).is_ok());
        assert!(Expr::parse(&format!("({nested})")).is_err());
        assert!(Expr::parse(&format!("creditlimit gt {}", "9".repeat(400))).is_err(), "no infinite literal");
    }

    #[test]
    fn joins() {
        assert_eq!(Expr::all(vec![]), None);
        assert_eq!(Expr::all(vec![Expr::eq("a", "1")]), Some(Expr::eq("a", "1")));
        assert_eq!(
            Expr::any(vec![Expr::eq("a", "1"), Expr::eq("b", "2")]).unwrap().to_string(),
            "(a eq '1' or b eq '2')"
        );
    }
}
