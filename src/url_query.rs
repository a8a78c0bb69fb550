//! A list's state kept in the address bar (`?q=…&status=…&page=2`), so that Back from a
//! details page, a reload or a shared link shows the list as it was. Changing a value
//! replaces the current history entry (typing does not stack up Back steps).
//!
//! ```ignore
//! let query = use_url_query();
//! let search = query.text("q");                       // a signal of the value ("" if absent)
//! query.set(&[("q", "joão".into()), ("page", String::new())]); // empty removes the key
//! ```

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

type Navigate = Rc<dyn Fn(&str, NavigateOptions)>;

/// The current route's query.
#[derive(Clone, Copy)]
pub struct UrlQuery {
    query: Memo<leptos_router::params::ParamsMap>,
    pathname: Memo<String>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

/// The query of the current route.
pub fn use_url_query() -> UrlQuery {
    let navigate = use_navigate();
    let location = use_location();
    UrlQuery { query: location.query, pathname: location.pathname, navigate: StoredValue::new_local(Rc::new(navigate)) }
}

impl UrlQuery {
    /// A value, `""` when absent. It changes only when this key's value does (another key
    /// changing must not, say, reset a search box being typed in).
    pub fn text(self, key: &'static str) -> Signal<String> {
        let query = self.query;
        Memo::new(move |_| query.with(|q| q.get(key).unwrap_or_default())).into()
    }

    /// A flag (`1` is on).
    pub fn flag(self, key: &'static str) -> Signal<bool> {
        let text = self.text(key);
        Signal::derive(move || text.get() == "1")
    }

    /// The 1-based `page`.
    pub fn page(self) -> Signal<usize> {
        let text = self.text("page");
        Signal::derive(move || text.get().parse::<usize>().ok().filter(|p| *p >= 1).unwrap_or(1))
    }

    /// Changes some values (an empty value removes its key) and replaces the address.
    pub fn set(self, changes: &[(&str, String)]) {
        let mut pairs: Vec<(String, String)> =
            self.query.with_untracked(|q| q.latest_values().map(|(k, v)| (k.to_string(), v.to_string())).collect());
        for (key, value) in changes {
            pairs.retain(|(k, _)| k != key);
            if !value.is_empty() {
                pairs.push((key.to_string(), value.clone()));
            }
        }
        let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        let path = self.pathname.get_untracked();
        let url = if query.is_empty() { path } else { format!("{path}?{}", query.join("&")) };
        let navigate = self.navigate.get_value();
        navigate(&url, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    }

    /// Sets one filter and goes back to the first page.
    pub fn filter(self, key: &str, value: String) {
        self.set(&[(key, value), ("page", String::new())]);
    }

    /// Goes to `page` (1 is the default and leaves the address clean).
    pub fn go_to_page(self, page: usize) {
        self.set(&[("page", if page <= 1 { String::new() } else { page.to_string() })]);
    }
}
