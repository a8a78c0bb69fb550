//! Every word the rep reads goes through here: Brazilian Portuguese by default, English and
//! Spanish on request, the choice remembered on the device.
//!
//! ```ignore
//! let i18n = use_i18n();
//! view! { <h1>{move || i18n.t(Msg::CustomersTitle)}</h1> }
//! ```

mod messages;
mod plurals;

use leptos::prelude::*;
pub use mascate_domain::Locale;
pub use messages::{Arg, Msg};
pub use plurals::Plural;

use crate::prefs;

/// The i18n context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// The text of `msg` in the current locale (subscribes to locale changes).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.locale.get())
    }

    /// `msg` with `{n}` replaced.
    pub fn t_n(&self, msg: Msg, n: impl std::fmt::Display) -> String {
        self.t(msg).replace("{n}", &n.to_string())
    }

    /// `msg` with each named hole filled: `i18n.fill(Msg::ReadyForOffline, &[(Arg::Day, &day)])`.
    pub fn fill(&self, msg: Msg, args: &[(Arg, &str)]) -> String {
        args.iter().fold(self.t(msg).to_string(), |text, (arg, value)| text.replace(arg.hole(), value))
    }

    /// The singular or plural form of `msg` for `n`, with the count in it, its thousands
    /// grouped as the locale writes them ("1.630 registros").
    pub fn count(&self, msg: Plural, n: impl TryInto<u64> + std::fmt::Display + Copy) -> String {
        let locale = self.locale.get();
        let (n_u64, shown) = match n.try_into() {
            Ok(v) => (v, mascate_domain::format::number(v as f64, 0, locale)),
            Err(_) => (u64::MAX, n.to_string()),
        };
        msg.text(locale, n_u64).replace("{n}", &shown)
    }

    /// Switches to the locale `later` yields when it comes (the account's language, read after
    /// sign-in), unless the rep chose another one meanwhile; nothing when it yields none.
    pub fn adopt_later(self, later: impl std::future::Future<Output = Option<Locale>> + 'static) {
        let before = self.locale.get_untracked();
        leptos::task::spawn_local(async move {
            if let Some(l) = later.await {
                if self.locale.get_untracked() == before {
                    self.set(l);
                }
            }
        });
    }

    /// Switches and remembers the locale.
    pub fn set(&self, locale: Locale) {
        prefs::set(prefs::keys::LOCALE, locale.tag());
        set_document_lang(locale);
        self.locale.set(locale);
    }
}

fn set_document_lang(locale: Locale) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", locale.tag());
    }
}

/// Restores the remembered locale (pt-BR when none) and provides the context.
pub fn provide_i18n() -> I18n {
    let locale = prefs::get(prefs::keys::LOCALE).and_then(|t| Locale::from_tag(&t)).unwrap_or_default();
    set_document_lang(locale);
    let i18n = I18n { locale: RwSignal::new(locale) };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
