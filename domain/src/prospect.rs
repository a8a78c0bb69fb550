//! A new prospect, captured while writing a quotation for someone who is not a customer
//! yet: what the rep types, and the checks both the app and the server run on it.
//!
//! ```
//! use mascate_domain::prospect::{NewProspect, ProspectField};
//! let p = NewProspect { name: "Bar do Zé".into(), tax_id: "11.222.333/0001-80".into(), uf: "SP".into(), city: "Santos".into(), ..Default::default() };
//! assert_eq!(p.validate(), vec![(ProspectField::TaxId, "check_digits")]);
//! ```

use serde::{Deserialize, Serialize};

use crate::tax_id::{self, TaxIdError, TaxIdKind};
use crate::text::digits;

/// What the rep types.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewProspect {
    pub name: String,
    #[serde(rename = "fantasy")]
    pub trade_name: String,
    #[serde(rename = "cgc")]
    pub tax_id: String,
    pub uf: String,
    pub city: String,
    pub phone: String,
    pub email: String,
}

/// A field of the prospect form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProspectField {
    Name,
    TaxId,
    Uf,
    City,
    Email,
}

impl NewProspect {
    /// Problems as (field, code): `required`, `length`, `repeated`, `check_digits`, `unknown_uf`,
    /// `bad_email`. Empty when it can be saved.
    pub fn validate(&self) -> Vec<(ProspectField, &'static str)> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push((ProspectField::Name, "required"));
        }
        if self.tax_id.trim().is_empty() {
            out.push((ProspectField::TaxId, "required"));
        } else if let Err(e) = tax_id::validate(&self.tax_id) {
            out.push((
                ProspectField::TaxId,
                match e {
                    TaxIdError::Length => "length",
                    TaxIdError::Repeated => "repeated",
                    TaxIdError::CheckDigits => "check_digits",
                },
            ));
        }
        if self.uf.trim().is_empty() {
            out.push((ProspectField::Uf, "required"));
        } else if !crate::customer_query::STATES.contains(&self.uf.trim().to_uppercase().as_str()) {
            out.push((ProspectField::Uf, "unknown_uf"));
        }
        if self.city.trim().is_empty() {
            out.push((ProspectField::City, "required"));
        }
        let email = self.email.trim();
        if !email.is_empty() && !crate::contact::looks_like_email(email) {
            out.push((ProspectField::Email, "bad_email"));
        }
        out
    }

    /// `F` for a CPF, `J` for a CNPJ (the ERP's person type).
    pub fn person_type(&self) -> &'static str {
        match tax_id::validate(&self.tax_id) {
            Ok(TaxIdKind::Cpf) => "F",
            _ => "J",
        }
    }

    /// The tax id as the ERP stores it: digits only.
    pub fn tax_id_digits(&self) -> String {
        digits(&self.tax_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_every_field() {
        let ok = NewProspect {
            name: "Bar do Zé".into(),
            tax_id: "11.222.333/0001-81".into(),
            uf: "sp".into(),
            city: "Santos".into(),
            email: "ze@bar.com.br".into(),
            ..Default::default()
        };
        assert!(ok.validate().is_empty());
        assert_eq!(ok.person_type(), "J");
        assert_eq!(ok.tax_id_digits(), "11222333000181");
        let cpf = NewProspect { tax_id: "529.982.247-25".into(), ..ok.clone() };
        assert_eq!(cpf.person_type(), "F");
        let bad = NewProspect {
            name: " ".into(),
            tax_id: "111.111.111-11".into(),
            uf: "XX".into(),
            city: "".into(),
            email: "ze@".into(),
            ..Default::default()
        };
        assert_eq!(
            bad.validate(),
            [
                (ProspectField::Name, "required"),
                (ProspectField::TaxId, "repeated"),
                (ProspectField::Uf, "unknown_uf"),
                (ProspectField::City, "required"),
                (ProspectField::Email, "bad_email"),
            ]
        );
        assert_eq!(NewProspect { tax_id: "123".into(), ..ok }.validate(), [(ProspectField::TaxId, "length")]);
    }
}
