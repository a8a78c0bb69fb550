//! The message catalogue: one line per message, `[pt-BR, en, es]`. The array type makes a
//! missing translation a compile error.
//!
//! The catalogue is one `enum Msg`, written by area: each file under `messages/` (login, shell,
//! home, …) holds one area's messages in a `macro_rules!` of the area's name. The areas are
//! links of a chain: `login!(shell, home, … ; )` appends its messages to what it was given and
//! calls the next area with the rest of the list, and the last link, `catalogue!`, receives
//! every message and writes `Msg`, `Msg::ALL` and `Msg::text` in one go. A new message goes in
//! its area's file; a new area is a file here, a `mod` line and a name in the chain below.

use mascate_domain::Locale;

#[macro_use]
mod login;
#[macro_use]
mod shell;
#[macro_use]
mod home;
#[macro_use]
mod customers;
#[macro_use]
mod finance_group;
#[macro_use]
mod finances;
#[macro_use]
mod documents;
#[macro_use]
mod print;
#[macro_use]
mod form;
#[macro_use]
mod sync;
#[macro_use]
mod products;
#[macro_use]
mod notifications;
#[macro_use]
mod offline;
#[macro_use]
mod safety_net;
#[macro_use]
mod device_notices;
#[macro_use]
mod sales_views;
#[macro_use]
mod tasks;
#[macro_use]
mod account;
mod hole;

pub use hole::Arg;

/// The end of the chain: every area's messages, as `Name => [pt, en, es],`.
macro_rules! catalogue {
    (; $($name:ident => [$pt:expr, $en:expr, $es:expr],)*) => {
        /// A user-facing message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name,)* }

        impl Msg {
            /// Every message, for completeness checks.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message in `locale`.
            pub fn text(self, locale: Locale) -> &'static str {
                let [pt, en, es]: [&'static str; 3] = match self { $(Msg::$name => [$pt, $en, $es],)* };
                match locale { Locale::PtBr => pt, Locale::En => en, Locale::Es => es }
            }
        }
    };
}

login!(
    shell, home, customers, finances, finance_group, documents, print, form, sync, products, notifications, offline,
    safety_net, device_notices, sales_views, tasks, account, catalogue ;
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_text_in_every_locale_and_placeholders_agree() {
        for msg in Msg::ALL {
            let pt = msg.text(Locale::PtBr);
            for locale in Locale::ALL {
                let text = msg.text(locale);
                assert!(!text.trim().is_empty(), "{msg:?} in {locale:?}");
                assert_eq!(text.contains("{n}"), pt.contains("{n}"), "{msg:?} in {locale:?}");
            }
        }
    }

    /// The `{…}` holes of a text.
    fn holes(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> =
            text.match_indices('{').filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j])).collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn every_hole_is_a_known_argument_and_every_language_has_the_same_ones() {
        let known: Vec<&str> = Arg::ALL.iter().map(|a| a.hole()).chain(["{n}"]).collect();
        for msg in Msg::ALL {
            let pt = holes(msg.text(Locale::PtBr));
            for locale in Locale::ALL {
                let these = holes(msg.text(locale));
                assert_eq!(these, pt, "{msg:?} in {locale:?}");
                assert!(these.iter().all(|h| known.contains(h)), "{msg:?} in {locale:?}: {these:?}");
            }
        }
    }

    #[test]
    fn portuguese_is_not_just_english() {
        let same = Msg::ALL.iter().filter(|m| m.text(Locale::PtBr) == m.text(Locale::En)).count();
        assert!(same * 5 < Msg::ALL.len(), "{same} of {} untranslated", Msg::ALL.len());
    }
}
