//! Every page has its own `document.title` ("Meus Pedidos · Mascate"), and a route change
//! is said aloud: a polite live region repeats the new title, as a page load would.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{use_i18n, Locale, Msg};

/// What a path is called: a message and, for one record, its number or code.
pub fn title_of(path: &str) -> (Msg, Option<String>) {
    let parts: Vec<&str> = path.trim_matches('/').split('/').filter(|p| !p.is_empty()).collect();
    let id = |i: usize| parts.get(i).map(|s| s.to_string());
    match parts.as_slice() {
        [] => (Msg::NavHome, None),
        ["login"] => (Msg::LoginTitle, None),
        ["customers"] => (Msg::CustomersTitle, None),
        ["customers", code, store] => (Msg::Customer, Some(format!("{code}/{store}"))),
        ["products"] => (Msg::ProductsTitle, None),
        ["orders"] => (Msg::OrdersTitle, None),
        ["quotations"] => (Msg::QuotationsTitle, None),
        ["orders", "new"] => (Msg::NewOrder, None),
        ["quotations", "new"] => (Msg::NewQuotation, None),
        ["orders", _] => (Msg::Order, id(1)),
        ["quotations", _] => (Msg::Quotation, id(1)),
        ["orders", _, "edit"] | ["quotations", _, "edit"] | ["sent", _, "edit"] => (Msg::EditDocument, None),
        ["orders", _, "repeat"] => (Msg::NewOrder, None),
        ["sent", _] => (Msg::SentTitle, None),
        ["notifications"] => (Msg::NotificationsTitle, None),
        ["invoices"] => (Msg::NavInvoices, None),
        ["invoices", number, series] => (Msg::Invoice, Some(format!("{number}-{series}"))),
        ["statistics"] => (Msg::NavStatistics, None),
        ["offline"] => (Msg::NavOfflineConfigurator, None),
        ["offline", _] => (Msg::EditSelection, None),
        ["account"] => (Msg::NavAccount, None),
        ["credit"] => (Msg::NavCredit, None),
        _ => (Msg::NavHome, None),
    }
}

/// The full title of a path in `locale`: `Pedido 000123 · Mascate`.
pub fn document_title(path: &str, locale: Locale) -> String {
    match title_of(path) {
        (msg, Some(id)) => format!("{} {id} · Mascate", msg.text(locale)),
        (msg, None) => format!("{} · Mascate", msg.text(locale)),
    }
}

/// Sets the title on every route (and language) change and announces it. Render once,
/// inside the router.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let said = RwSignal::new(String::new());
    Effect::new(move |first: Option<()>| {
        let title = document_title(&location.pathname.get(), i18n.locale.get());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
        // The first page is announced by the browser itself; later ones by us, after the
        // new page is in place.
        if first.is_some() {
            let text = title.trim_end_matches(" · Mascate").to_string();
            set_timeout(move || said.set(text), std::time::Duration::from_millis(150));
        }
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="route-announcer">
            {move || said.get()}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_a_title_of_its_own() {
        assert_eq!(document_title("/", Locale::PtBr), "Início · Mascate");
        assert_eq!(document_title("/orders", Locale::PtBr), "Meus Pedidos · Mascate");
        assert_eq!(document_title("/orders/000123", Locale::PtBr), "Pedido 000123 · Mascate");
        assert_eq!(document_title("/quotations/new", Locale::En), "New quotation · Mascate");
        assert_eq!(document_title("/customers/000002/01", Locale::PtBr), "Cliente 000002/01 · Mascate");
        assert_eq!(title_of("/sent/abc/edit").0, Msg::EditDocument);
        assert_eq!(title_of("/orders/000123/repeat").0, Msg::NewOrder);
        let paths = [
            "/",
            "/login",
            "/customers",
            "/products",
            "/orders",
            "/quotations",
            "/notifications",
            "/offline",
            "/invoices",
            "/statistics",
            "/account",
            "/credit",
        ];
        let titles: std::collections::HashSet<String> = paths.iter().map(|p| document_title(p, Locale::PtBr)).collect();
        assert_eq!(titles.len(), paths.len(), "no two pages share a title");
    }
}
