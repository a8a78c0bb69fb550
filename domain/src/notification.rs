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

/// A document as the rep knows it: by its number (once the ERP gave one) and its customer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KnownDocument {
    pub external_id: String,
    /// The ERP's number, empty while it has none.
    pub number: String,
    pub customer: String,
}

/// The document a notification speaks of: the one whose number ends its title, or whose
/// external id is in its title or description.
/// ```
/// use mascate_domain::notification::{about, KnownDocument};
/// let known = [KnownDocument { external_id: "0fa2-61".into(), number: "".into(), customer: "Mercado".into() }];
/// assert_eq!(about("Falha ao incluir Pedido de venda", "PEDIDO 0fa2-61\r\nA410VZ", &known), Some(&known[0]));
/// assert_eq!(about("Pedido incluído com sucesso: 000123", "", &known), None);
/// ```
pub fn about<'a>(title: &str, description: &str, known: &'a [KnownDocument]) -> Option<&'a KnownDocument> {
    let number = number_in_title(title);
    known.iter().find(|d| !d.number.trim().is_empty() && number == Some(d.number.trim())).or_else(|| {
        known.iter().find(|d| {
            let id = d.external_id.trim();
            id.len() >= 4 && (title.contains(id) || description.contains(id))
        })
    })
}

/// The external ids (UUIDs the device made) written in an ERP text.
/// ```
/// use mascate_domain::notification::external_ids;
/// assert_eq!(external_ids("PEDIDO 0fa26201-8fd4-4f40-86a7-51954fd9c761\r\nA410VZ"), ["0fa26201-8fd4-4f40-86a7-51954fd9c761"]);
/// assert!(external_ids("Pedido 000123 foi integrado com sucesso.").is_empty());
/// ```
pub fn external_ids(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';' | '(' | ')'))
        .filter(|w| {
            let groups: Vec<&str> = w.split('-').collect();
            groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
                && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
        })
        .collect()
}

/// `text` with the document's external id replaced by `label` (how the rep knows it).
pub fn named(text: &str, document: Option<&KnownDocument>, label: &str) -> String {
    match document {
        Some(d) if !d.external_id.trim().is_empty() => text.replace(d.external_id.trim(), label),
        _ => text.to_string(),
    }
}

/// A notification's moment on the device's clock (ms since the epoch), from the ERP's date
/// and `HH:MM` (the ERP's clock, UTC like its `po_sync_date`) and the ERP's offset from the
/// device (`ErpClock::offset_ms`).
/// ```
/// use mascate_domain::notification::device_ms;
/// let erp = device_ms("2026-12-07", "19:47", 0.0).unwrap();
/// assert_eq!(device_ms("2026-12-07", "19:47", 60_000.0), Some(erp - 60_000.0));
/// assert_eq!(device_ms("2026-12-07", "", 0.0), None);
/// ```
pub fn device_ms(date: &str, time: &str, erp_offset_ms: f64) -> Option<f64> {
    let time = time.trim();
    let time = if time.len() == 5 { format!("{time}:00") } else { time.to_string() };
    let micros = crate::timestamp::parse_iso(&format!("{}T{time}", date.trim()))?;
    Some(micros as f64 / 1000.0 - erp_offset_ms)
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

    #[test]
    fn documents_are_named_as_the_rep_knows_them() {
        let known = [
            KnownDocument {
                external_id: "0fa26201-8fd4-4f40-86a7-51954fd9c761".into(),
                number: String::new(),
                customer: "Mercado Bom Preço".into(),
            },
            KnownDocument { external_id: "aa".into(), number: "000123".into(), customer: "Padaria".into() },
        ];
        let text = "PEDIDO 0fa26201-8fd4-4f40-86a7-51954fd9c761\r\nA410VZ - campos em branco";
        let d = about("Falha ao incluir Pedido de venda", text, &known);
        assert_eq!(d.map(|d| d.customer.as_str()), Some("Mercado Bom Preço"));
        assert_eq!(named(text, d, "de Mercado Bom Preço"), "PEDIDO de Mercado Bom Preço\r\nA410VZ - campos em branco");
        assert_eq!(
            about("Pedido incluído com sucesso: 000123", "", &known).map(|d| d.customer.as_str()),
            Some("Padaria")
        );
        assert_eq!(about("Pedido incluído com sucesso: 000124", "", &known), None);
        // Minutes and seconds: 19:47 on the ERP, 3 h ahead of the device's epoch by nothing.
        let a = device_ms("2026-12-07", "19:47", 0.0).unwrap();
        let b = device_ms("2026-12-07", "16:47", 0.0).unwrap();
        assert_eq!(a - b, 3.0 * 3_600_000.0);
    }
}
