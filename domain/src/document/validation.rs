//! What a draft must satisfy before it is sent, field by field and step by step: the form
//! shows each problem beside its field, "Continuar" checks its own step, sending checks all.

use serde::{Deserialize, Serialize};

use super::{DocumentKind, Draft};

/// A field of the form, to put a message beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Customer,
    PriceList,
    PaymentCondition,
    Freight,
    Insurance,
    Expenses,
    Discount,
    Items,
    ItemProduct(usize),
    ItemQuantity(usize),
    ItemUnitPrice(usize),
    ItemDiscount(usize),
    ItemDeliveryDate(usize),
    /// The order's notes (`notemessage`).
    Notes,
    ItemCustomerOrder(usize),
}

impl Field {
    /// The form step the field is on.
    pub fn step(self) -> Step {
        match self {
            Field::Customer => Step::Customer,
            Field::PriceList
            | Field::PaymentCondition
            | Field::Freight
            | Field::Insurance
            | Field::Expenses
            | Field::Discount
            | Field::Notes => Step::Terms,
            _ => Step::Items,
        }
    }
}

/// The steps of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    Customer = 1,
    Terms = 2,
    Items = 3,
    Review = 4,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Customer, Step::Terms, Step::Items, Step::Review];

    /// 1…4.
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Step {
        Step::ALL.into_iter().find(|s| s.number() == n).unwrap_or(Step::Review)
    }

    pub fn next(self) -> Step {
        Step::from_number((self.number() + 1).min(4))
    }

    pub fn previous(self) -> Step {
        Step::from_number(self.number().saturating_sub(1).max(1))
    }
}

/// What is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    /// Must be greater than zero.
    MustBePositive,
    /// Must not be negative.
    NotNegative,
    /// Must be between 0 and 100 (a percentage; 100 % off is not a sale).
    PercentRange,
    /// A date before today.
    DateInPast,
    /// Not a date.
    BadDate,
    NoItems,
    /// Longer than the ERP's field ([`crate::dictionary`]).
    TooLong,
    /// Control characters or bidirectional overrides.
    BadChars,
}

/// A text's problem against its ERP field.
fn dictionary_problem(f: &crate::dictionary::Field, value: &str) -> Option<Problem> {
    f.problem(value.trim()).map(|p| match p {
        crate::dictionary::Problem::TooLong => Problem::TooLong,
        crate::dictionary::Problem::BadDate => Problem::BadDate,
        crate::dictionary::Problem::BadChars => Problem::BadChars,
    })
}

/// Greater than zero (NaN is not).
fn positive(x: f64) -> bool {
    x > 0.0
}

/// Zero or more (NaN is not).
fn not_negative(x: f64) -> bool {
    x >= 0.0
}

fn valid_date(s: &str) -> bool {
    crate::timestamp::add_days(s, 0).is_some_and(|d| d == s)
}

/// Checks a draft like the ERP will, so the rep hears it before sending; `today` is
/// `YYYY-MM-DD`. Empty when it can be sent.
pub fn validate(d: &Draft, today: &str) -> Vec<(Field, Problem)> {
    let mut out = Vec::new();
    let no_customer = d.customer_code.trim().is_empty();
    let no_prospect = d.prospect_code.trim().is_empty();
    if no_customer && (d.kind == DocumentKind::Order || no_prospect) {
        out.push((Field::Customer, Problem::Required));
    }
    if d.payment_condition.trim().is_empty() {
        out.push((Field::PaymentCondition, Problem::Required));
    }
    if d.price_list.trim().is_empty() {
        out.push((Field::PriceList, Problem::Required));
    }
    for (field, value) in [(Field::Freight, d.freight), (Field::Insurance, d.insurance), (Field::Expenses, d.expenses)]
    {
        if !not_negative(value) {
            out.push((field, Problem::NotNegative));
        }
    }
    if !(0.0..100.0).contains(&d.discount_pct) {
        out.push((Field::Discount, Problem::PercentRange));
    }
    if let Some(p) = dictionary_problem(&crate::dictionary::NOTE_MESSAGE, &d.note_message()) {
        out.push((Field::Notes, p));
    }
    if d.live_items().next().is_none() {
        out.push((Field::Items, Problem::NoItems));
    }
    for (n, i) in d.items.iter().enumerate().filter(|(_, i)| !i.removed) {
        if i.product.trim().is_empty() {
            out.push((Field::ItemProduct(n), Problem::Required));
        }
        if !positive(i.quantity) {
            out.push((Field::ItemQuantity(n), Problem::MustBePositive));
        }
        if !positive(i.unit_price) {
            out.push((Field::ItemUnitPrice(n), Problem::MustBePositive));
        }
        if !(0.0..100.0).contains(&i.discount_pct) {
            out.push((Field::ItemDiscount(n), Problem::PercentRange));
        }
        if let Some(p) = dictionary_problem(&crate::dictionary::CUSTOMER_ORDER, &i.customer_order) {
            out.push((Field::ItemCustomerOrder(n), p));
        }
        if !i.delivery_date.is_empty() {
            if !valid_date(&i.delivery_date) {
                out.push((Field::ItemDeliveryDate(n), Problem::BadDate));
            } else if i.delivery_date.as_str() < today {
                out.push((Field::ItemDeliveryDate(n), Problem::DateInPast));
            }
        }
    }
    out
}

/// The problems of one step ("Continuar" checks only these); the review step checks
/// everything, as sending does.
pub fn validate_step(d: &Draft, step: Step, today: &str) -> Vec<(Field, Problem)> {
    let all = validate(d, today);
    if step == Step::Review {
        return all;
    }
    all.into_iter().filter(|(f, _)| f.step() == step).collect()
}

/// The first step with a problem, where the form goes when sending is refused.
pub fn first_step_with_problem(problems: &[(Field, Problem)]) -> Option<Step> {
    problems.iter().map(|(f, _)| f.step()).min()
}

#[cfg(test)]
mod tests {
    use super::super::tests::order;
    use super::*;

    #[test]
    fn validation_names_every_bad_field() {
        assert!(validate(&order(), "2026-11-25").is_empty());
        let mut d = Draft::new(DocumentKind::Order, "x");
        d.freight = -1.0;
        d.discount_pct = 100.0;
        let problems = validate(&d, "2026-11-25");
        for expected in [
            (Field::Customer, Problem::Required),
            (Field::PaymentCondition, Problem::Required),
            (Field::PriceList, Problem::Required),
            (Field::Freight, Problem::NotNegative),
            (Field::Discount, Problem::PercentRange),
            (Field::Items, Problem::NoItems),
        ] {
            assert!(problems.contains(&expected), "{expected:?} in {problems:?}");
        }
        let mut d = order();
        d.items[0].quantity = 0.0;
        d.items[1].unit_price = f64::NAN;
        d.items[1].delivery_date = "2026-11-24".into();
        let problems = validate(&d, "2026-11-25");
        assert_eq!(
            problems,
            [
                (Field::ItemQuantity(0), Problem::MustBePositive),
                (Field::ItemUnitPrice(1), Problem::MustBePositive),
                (Field::ItemDeliveryDate(1), Problem::DateInPast),
            ]
        );
        d.items[1].delivery_date = "2026-02-30".into();
        assert!(validate(&d, "2026-01-01").contains(&(Field::ItemDeliveryDate(1), Problem::BadDate)));
    }

    #[test]
    fn continuing_checks_only_its_own_step() {
        let mut d = Draft::new(DocumentKind::Order, "x");
        let today = "2026-11-25";
        assert_eq!(validate_step(&d, Step::Customer, today), [(Field::Customer, Problem::Required)]);
        d.customer_code = "000002".into();
        d.customer_store = "01".into();
        assert!(validate_step(&d, Step::Customer, today).is_empty());
        d.freight = -5.0;
        let terms: Vec<Field> = validate_step(&d, Step::Terms, today).into_iter().map(|(f, _)| f).collect();
        assert_eq!(terms, [Field::PaymentCondition, Field::PriceList, Field::Freight]);
        assert_eq!(validate_step(&d, Step::Items, today), [(Field::Items, Problem::NoItems)]);
        let all = validate_step(&d, Step::Review, today);
        assert_eq!(all, validate(&d, today), "the review checks everything, as sending does");
        assert_eq!(first_step_with_problem(&all), Some(Step::Terms));
        assert_eq!(first_step_with_problem(&[]), None);
        assert_eq!(Step::Customer.next(), Step::Terms);
        assert_eq!(Step::Review.next(), Step::Review);
        assert_eq!(Step::Customer.previous(), Step::Customer);
    }
}

#[cfg(test)]
mod dictionary_tests {
    use super::super::tests::order;
    use super::*;

    #[test]
    fn notes_and_customer_orders_follow_the_erp_dictionary() {
        let mut d = order();
        d.notes = "linha 1\nlinha 2".into();
        d.items[0].customer_order = "PC-778".into();
        assert!(validate(&d, "2026-11-25").is_empty(), "lines become one; a short order number fits");
        d.notes = "x".repeat(121);
        d.items[0].customer_order = "PC\u{202e}1".into();
        d.items[1].customer_order = "1234567890".into();
        let problems = validate(&d, "2026-11-25");
        assert!(problems.contains(&(Field::Notes, Problem::TooLong)), "{problems:?}");
        assert!(problems.contains(&(Field::ItemCustomerOrder(0), Problem::BadChars)), "{problems:?}");
        assert!(problems.contains(&(Field::ItemCustomerOrder(1), Problem::TooLong)), "{problems:?}");
    }
}
