//! What a notification is about, from its movement code (§12), so the app can title it in
//! the rep's language; the ERP writes its titles in Portuguese.

/// The record a notification speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Order,
    Quotation,
    Customer,
    Prospect,
    Contact,
    ContactRelation,
}

/// What happened to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Created,
    Changed,
    Deleted,
    Failed,
}

/// The subject and event of a movement code (7–30); `None` for any other.
/// ```
/// use mascate_domain::notification::{movement, Event, Subject};
/// assert_eq!(movement(7), Some((Subject::Order, Event::Created)));
/// assert_eq!(movement(14), Some((Subject::Quotation, Event::Failed)));
/// assert_eq!(movement(3), None);
/// ```
pub fn movement(code: i64) -> Option<(Subject, Event)> {
    if !(7..=30).contains(&code) {
        return None;
    }
    let subject = [
        Subject::Order,
        Subject::Quotation,
        Subject::Customer,
        Subject::Prospect,
        Subject::Contact,
        Subject::ContactRelation,
    ][((code - 7) / 4) as usize];
    let event = [Event::Created, Event::Changed, Event::Deleted, Event::Failed][((code - 7) % 4) as usize];
    Some((subject, event))
}

/// The record number at the end of an ERP title (`Pedido incluído com sucesso: 000123`).
pub fn number_in_title(title: &str) -> Option<&str> {
    let (_, tail) = title.rsplit_once(':')?;
    let n = tail.trim();
    (!n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric())).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_of_the_contract_is_known() {
        assert_eq!(movement(30), Some((Subject::ContactRelation, Event::Failed)));
        assert_eq!(movement(17), Some((Subject::Customer, Event::Deleted)));
        assert_eq!(movement(31), None);
        assert_eq!(number_in_title("Pedido incluído com sucesso: 000123"), Some("000123"));
        assert_eq!(number_in_title("Falha ao processar registro."), None);
    }
}
