//! A customer's contacts: what the rep types when adding or editing one (checked the same
//! way by the app and the server), and the links that call, write or message them.
//!
//! ```
//! use mascate_domain::contact::{ContactDraft, ContactField};
//! use mascate_domain::contract::Contact;
//! let d = ContactDraft { name: "Rita".into(), email: "rita@".into(), ..Default::default() };
//! assert_eq!(d.validate(), vec![(ContactField::Email, "bad_email")]);
//! let c = Contact { ddd: "11".into(), cell_phone: "98765-4321".into(), ..Default::default() };
//! assert_eq!(mascate_domain::contact::whatsapp_link(&c).as_deref(), Some("https://wa.me/5511987654321"));
//! ```

use serde::{Deserialize, Serialize};

use crate::contract::Contact;
use crate::dictionary::forbidden;
use crate::text::digits;

/// The widths of the ERP's columns (SU5), in characters.
pub const NAME_MAX: usize = 40;
pub const ROLE_MAX: usize = 30;
pub const EMAIL_MAX: usize = 60;
/// Digits of a phone number without the area code.
pub const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 8..=9;

/// What the rep types (the body of `POST`/`PUT /api/tgv/contacts`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    pub name: String,
    pub role: String,
    pub ddd: String,
    pub phone: String,
    #[serde(rename = "cellphone")]
    pub cell_phone: String,
    pub email: String,
    /// The customer's code and store; fixed once the contact exists.
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
}

/// A field of the contact form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactField {
    Name,
    Role,
    Ddd,
    Phone,
    CellPhone,
    Email,
}

/// Whether `email` has a name, one `@` and a dotted domain, with no spaces.
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
        && !email.chars().any(char::is_whitespace)
}

impl ContactDraft {
    /// The draft of an existing contact, to edit it.
    pub fn of(c: &Contact) -> ContactDraft {
        ContactDraft {
            name: c.name.trim().into(),
            role: c.role.trim().into(),
            ddd: c.ddd.trim().into(),
            phone: c.phone.trim().into(),
            cell_phone: c.cell_phone.trim().into(),
            email: c.email.trim().into(),
            customer_code: c.customer_code.trim().into(),
            customer_store: c.customer_store.trim().into(),
        }
    }

    /// Problems as (field, code): `required`, `too_long`, `bad_chars` (control characters or
    /// bidirectional overrides, [`crate::dictionary::forbidden`]), `bad_ddd`, `bad_phone`,
    /// `bad_email`.
    /// Empty when it can be saved.
    pub fn validate(&self) -> Vec<(ContactField, &'static str)> {
        let mut out = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            out.push((ContactField::Name, "required"));
        } else if name.chars().count() > NAME_MAX {
            out.push((ContactField::Name, "too_long"));
        } else if name.chars().any(|c| forbidden(c, false)) {
            out.push((ContactField::Name, "bad_chars"));
        }
        let role = self.role.trim();
        if role.chars().count() > ROLE_MAX {
            out.push((ContactField::Role, "too_long"));
        } else if role.chars().any(|c| forbidden(c, false)) {
            out.push((ContactField::Role, "bad_chars"));
        }
        let ddd = digits(&self.ddd);
        let typed_ddd = !self.ddd.trim().is_empty();
        if typed_ddd && (ddd.len() != 2 || ddd.starts_with('0') || ddd.len() != self.ddd.trim().len()) {
            out.push((ContactField::Ddd, "bad_ddd"));
        }
        for (field, value) in [(ContactField::Phone, &self.phone), (ContactField::CellPhone, &self.cell_phone)] {
            let d = digits(value);
            let only_phone_chars = value.trim().chars().all(|c| c.is_ascii_digit() || " -.".contains(c));
            if !value.trim().is_empty() && (!PHONE_DIGITS.contains(&d.len()) || !only_phone_chars) {
                out.push((field, "bad_phone"));
            }
        }
        if (!self.phone.trim().is_empty() || !self.cell_phone.trim().is_empty()) && !typed_ddd {
            out.push((ContactField::Ddd, "required"));
        }
        let email = self.email.trim();
        if email.chars().count() > EMAIL_MAX {
            out.push((ContactField::Email, "too_long"));
        } else if !email.is_empty() && (!looks_like_email(email) || email.chars().any(|c| forbidden(c, false))) {
            out.push((ContactField::Email, "bad_email"));
        }
        out
    }

    /// The draft as the ERP stores it: trimmed, phones as digits.
    pub fn normalized(&self) -> ContactDraft {
        ContactDraft {
            name: self.name.trim().into(),
            role: self.role.trim().into(),
            ddd: digits(&self.ddd),
            phone: digits(&self.phone),
            cell_phone: digits(&self.cell_phone),
            email: self.email.trim().to_lowercase(),
            customer_code: self.customer_code.trim().into(),
            customer_store: self.customer_store.trim().into(),
        }
    }
}

fn country(c: &Contact) -> String {
    Some(digits(&c.ddi)).filter(|d| !d.is_empty()).unwrap_or_else(|| "55".into())
}

fn full_number(c: &Contact, number: &str) -> Option<String> {
    let n = digits(number);
    (!n.is_empty()).then(|| format!("+{}{}{}", country(c), digits(&c.ddd), n))
}

/// `tel:` for the landline, or the mobile when there is none.
pub fn tel_link(c: &Contact) -> Option<String> {
    let number = if digits(&c.phone).is_empty() { &c.cell_phone } else { &c.phone };
    full_number(c, number).map(|n| format!("tel:{n}"))
}

/// `tel:` for the mobile.
pub fn mobile_link(c: &Contact) -> Option<String> {
    full_number(c, &c.cell_phone).map(|n| format!("tel:{n}"))
}

/// A WhatsApp chat with the mobile (a landline cannot take one).
pub fn whatsapp_link(c: &Contact) -> Option<String> {
    full_number(c, &c.cell_phone).map(|n| format!("https://wa.me/{}", n.trim_start_matches('+')))
}

/// `mailto:` for the e-mail, when it looks like one.
pub fn mailto_link(c: &Contact) -> Option<String> {
    let e = c.email.trim();
    looks_like_email(e).then(|| format!("mailto:{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> ContactDraft {
        ContactDraft {
            name: "Rita de Cássia".into(),
            role: "Compras".into(),
            ddd: "11".into(),
            phone: "3210-1234".into(),
            cell_phone: "98765 4321".into(),
            email: " Rita@Padaria.com.br ".into(),
            customer_code: "000002".into(),
            customer_store: "01".into(),
        }
    }

    #[test]
    fn checks_every_field() {
        assert!(ok().validate().is_empty(), "{:?}", ok().validate());
        let n = ok().normalized();
        assert_eq!(
            (n.phone.as_str(), n.cell_phone.as_str(), n.email.as_str()),
            ("32101234", "987654321", "rita@padaria.com.br")
        );
        let bad = ContactDraft {
            name: "x".repeat(NAME_MAX + 1),
            role: "y".repeat(ROLE_MAX + 1),
            ddd: "011".into(),
            phone: "123".into(),
            cell_phone: "9876a4321".into(),
            email: "rita@padaria".into(),
            ..Default::default()
        };
        assert_eq!(
            bad.validate(),
            [
                (ContactField::Name, "too_long"),
                (ContactField::Role, "too_long"),
                (ContactField::Ddd, "bad_ddd"),
                (ContactField::Phone, "bad_phone"),
                (ContactField::CellPhone, "bad_phone"),
                (ContactField::Email, "bad_email"),
            ]
        );
        let no_ddd = ContactDraft { ddd: String::new(), ..ok() };
        assert_eq!(no_ddd.validate(), [(ContactField::Ddd, "required")]);
        let only_name = ContactDraft { name: "Zé".into(), ..Default::default() };
        assert!(only_name.validate().is_empty(), "phones and e-mail are optional");
        assert_eq!(ContactDraft::default().validate(), [(ContactField::Name, "required")]);
        for e in ["a b@c.com", "@c.com", "a@@c.com", "a@c..com", "a@.com"] {
            assert!(!looks_like_email(e), "{e}");
        }
    }

    #[test]
    fn links_call_write_and_message() {
        let c = Contact {
            ddd: "21".into(),
            phone: "3210-1234".into(),
            cell_phone: "98765-4321".into(),
            email: "rita@padaria.com.br".into(),
            ..Default::default()
        };
        assert_eq!(tel_link(&c).as_deref(), Some("tel:+552132101234"));
        assert_eq!(mobile_link(&c).as_deref(), Some("tel:+5521987654321"));
        assert_eq!(whatsapp_link(&c).as_deref(), Some("https://wa.me/5521987654321"));
        assert_eq!(mailto_link(&c).as_deref(), Some("mailto:rita@padaria.com.br"));
        let landline_only = Contact { cell_phone: String::new(), email: "nope".into(), ..c.clone() };
        assert_eq!(whatsapp_link(&landline_only), None, "no WhatsApp on a landline");
        assert_eq!(mailto_link(&landline_only), None);
        let mobile_only = Contact { phone: String::new(), ddi: "351".into(), ..c };
        assert_eq!(tel_link(&mobile_only).as_deref(), Some("tel:+35121987654321"));
    }
}
