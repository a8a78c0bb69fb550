//! The languages Mascate speaks.

use serde::{Deserialize, Serialize};

/// A user-interface language. Brazilian Portuguese is the default: the users are Brazilian reps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "pt-BR")]
    PtBr,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::PtBr, Locale::En, Locale::Es];

    /// The BCP 47 tag, as stored and as put on `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::PtBr => "pt-BR",
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// Parses a stored tag; anything unknown falls back to `None` so the caller picks the default.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// Whether a count of `n` takes the singular in this language. Portuguese, English and
    /// Spanish agree for whole counts: only 1 is singular ("1 cliente", "0 clientes").
    pub fn is_singular(self, n: u64) -> bool {
        n == 1
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::PtBr => "Português (Brasil)",
            Locale::En => "English",
            Locale::Es => "Español",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_unknown_is_none() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Locale::from_tag("pt-br"), Some(Locale::PtBr));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(serde_json::to_string(&Locale::PtBr).unwrap(), "\"pt-BR\"");
    }
}
