//! Reads that work with and without the ERP: online they ask the server (and fall back to
//! the device when it does not answer); offline they read the device's copy of today's
//! selection, and only while it is today's. Pages call these instead of [`Api`] for
//! anything they must show offline.
//!
//! ```ignore
//! let catalog = use_catalog();
//! let page = catalog.products(&query, 1, 20).await?;
//! ```

use std::rc::Rc;

use leptos::prelude::*;
use mascate_domain::contact::ContactDraft;
use mascate_domain::contract::{
    Carrier, Contact, Customer, LastPurchase, ListEnvelope, OperationType, PaymentCondition, PriceList, PriceListItem,
    Product, Prospect, Stock,
};
use mascate_domain::customer_query::{page_of, CustomerQuery};
use mascate_domain::offline::matches_words;
use mascate_domain::product_search::{list_prices, priced, ProductFilter};

use crate::api::catalog::ProductQuery;
use crate::api::{use_api, Api, ApiError};
use crate::connectivity::{use_connectivity, Connectivity};
use crate::device::offline::{use_offline, OfflineData};
use crate::device::storage::{self, stores, Storage};
use crate::session::{use_session, SessionContext};

mod indexes;

/// The read context.
#[derive(Clone, Copy)]
pub struct Catalog {
    api: Api,
    connectivity: Connectivity,
    offline: OfflineData,
    session: SessionContext,
}

/// The server's answer, unless it did not answer (then the device is read instead).
fn answered<T>(r: Result<T, ApiError>) -> Option<Result<T, ApiError>> {
    match r {
        Err(ApiError::Unreachable) => None,
        other => Some(other),
    }
}

/// Asks the ERP when online and returns its answer, unless it did not answer.
macro_rules! ask_erp {
    ($self:ident, $call:expr) => {
        if $self.online() {
            if let Some(r) = answered($call.await) {
                return r;
            }
        }
    };
}

impl Catalog {
    /// Whether reads go to the ERP now.
    pub fn online(&self) -> bool {
        self.connectivity.online_untracked()
    }

    /// The device's database, when its copy may be shown (it is today's selection).
    async fn device(&self) -> Result<Option<Rc<Storage>>, ApiError> {
        // A page opened by its address reads before the start-up check of the device is done.
        self.offline.settled().await;
        if !self.offline.usable() {
            return Ok(None);
        }
        let seller = self.session.seller().ok_or(ApiError::SignedOut)?;
        Ok(Some(storage::for_seller(&seller).await?))
    }

    async fn rows<T: serde::de::DeserializeOwned>(&self, store: &str) -> Result<Vec<T>, ApiError> {
        match self.device().await? {
            Some(db) => db.rows(store).await.map_err(ApiError::from),
            None => Ok(vec![]),
        }
    }

    /// A page of the seller's customers.
    pub async fn customers(
        &self,
        q: &CustomerQuery,
        page: usize,
        size: usize,
    ) -> Result<ListEnvelope<Customer>, ApiError> {
        ask_erp!(self, self.api.customers(q, page, size));
        let index = self.customer_index().await?;
        let (keys, has_next) = page_of(index.search(q), page, size);
        let items = match self.device().await? {
            Some(db) => db.rows_by_keys(stores::CUSTOMERS, &keys).await?,
            None => vec![],
        };
        Ok(ListEnvelope { items, has_next, po_sync_date: None })
    }

    /// One customer.
    pub async fn customer(&self, code: &str, store: &str) -> Result<Customer, ApiError> {
        ask_erp!(self, self.api.customer(code, store));
        match self.device().await? {
            Some(db) => db.customer(code, store).await?.ok_or(ApiError::Server {
                status: 404,
                message: String::new(),
                detail: None,
            }),
            None => Err(ApiError::Unreachable),
        }
    }

    /// A page of products; offline, priced from the stored price-list items (and never
    /// filtered by price list, which needs the ERP).
    pub async fn products(
        &self,
        q: &ProductQuery,
        page: usize,
        size: usize,
    ) -> Result<ListEnvelope<Product>, ApiError> {
        ask_erp!(self, self.api.products(q, page, size));
        let index = self.product_index().await?;
        let filter = ProductFilter {
            search: q.search.clone(),
            group: q.group.clone(),
            kind: q.kind.clone(),
            in_stock: q.in_stock,
        };
        let prices = match (&q.priced_for, self.device().await?) {
            (Some((list, _, _)), Some(db)) => {
                let items: Vec<PriceListItem> =
                    db.rows_where(stores::PRICE_LIST_ITEMS, storage::indexes::ITEM_BY_LIST, list).await?;
                list_prices(&items, list)
            }
            _ => Default::default(),
        };
        // Only the page shown is copied and priced.
        let (hits, has_next) = page_of(index.search(&filter), page, size);
        let items = hits.into_iter().map(|p| priced(p, &prices)).collect();
        Ok(ListEnvelope { items, has_next, po_sync_date: None })
    }

    /// The product groups for the products page's filter, `(code, name)`: the ERP's
    /// reference list online, the groups of today's products offline.
    pub async fn product_groups(&self) -> Result<Vec<(String, String)>, ApiError> {
        ask_erp!(self, self.api.product_groups());
        Ok(self.product_index().await?.groups())
    }

    /// A product's stock per warehouse.
    pub async fn stock(&self, product: &str) -> Result<Vec<Stock>, ApiError> {
        ask_erp!(self, self.api.stock(product));
        Ok(self.rows::<Stock>(stores::STOCK).await?.into_iter().filter(|s| s.code == product).collect())
    }

    pub async fn price_lists(&self) -> Result<Vec<PriceList>, ApiError> {
        ask_erp!(self, self.api.price_lists());
        self.rows(stores::PRICE_LISTS).await
    }

    pub async fn payment_conditions(&self) -> Result<Vec<PaymentCondition>, ApiError> {
        ask_erp!(self, self.api.payment_conditions());
        self.rows(stores::PAYMENT_CONDITIONS).await
    }

    pub async fn carriers(&self) -> Result<Vec<Carrier>, ApiError> {
        ask_erp!(self, self.api.carriers());
        self.rows(stores::CARRIERS).await
    }

    pub async fn operation_types(&self) -> Result<Vec<OperationType>, ApiError> {
        ask_erp!(self, self.api.operation_types());
        self.rows(stores::OPERATION_TYPES).await
    }

    /// Today's list price of each of `draft`'s products for its customer (from the ERP online,
    /// from the device's price lists offline); products with no price are left out.
    pub async fn current_prices(
        &self,
        draft: &mascate_domain::document::Draft,
    ) -> std::collections::HashMap<String, f64> {
        let (customer, store) = draft.pricing_customer();
        let priced_for = (!draft.price_list.is_empty()).then(|| (draft.price_list.clone(), customer, store));
        let mut out = std::collections::HashMap::new();
        for item in draft.live_items() {
            let code = item.product.trim().to_string();
            if out.contains_key(&code) {
                continue;
            }
            let q = ProductQuery { search: code.clone(), priced_for: priced_for.clone(), ..Default::default() };
            if let Ok(page) = self.products(&q, 1, 10).await {
                if let Some(p) = page.items.into_iter().find(|p| p.code.trim() == code && p.price > 0.0) {
                    out.insert(code, p.price);
                }
            }
        }
        out
    }

    /// The unit of measure of each of `draft`'s products whose line has none (the ERP's
    /// order and quotation items carry no unit; the product does); unknown ones left out.
    pub async fn units(&self, draft: &mascate_domain::document::Draft) -> std::collections::HashMap<String, String> {
        let mut out = std::collections::HashMap::new();
        for item in draft.live_items().filter(|i| i.unit.trim().is_empty()) {
            let code = item.product.trim().to_string();
            if out.contains_key(&code) {
                continue;
            }
            let q = ProductQuery { search: code.clone(), ..Default::default() };
            if let Ok(page) = self.products(&q, 1, 10).await {
                if let Some(p) = page.items.into_iter().find(|p| p.code.trim() == code) {
                    out.insert(code, p.unit);
                }
            }
        }
        out
    }

    /// A prospect by its code and store (online from the ERP, offline today's copy).
    pub async fn prospect(&self, code: &str, store: &str) -> Option<Prospect> {
        let found = self.prospects(code).await.ok()?;
        found.into_iter().find(|p| p.code.trim() == code.trim() && p.store.trim() == store.trim())
    }

    /// A customer's contacts, by name; offline those of today's selected customers.
    pub async fn contacts(&self, code: &str, store: &str) -> Result<Vec<Contact>, ApiError> {
        ask_erp!(self, self.api.contacts(code, store));
        let mut all: Vec<Contact> = match self.device().await? {
            Some(db) => db.rows_of_customer(stores::CONTACTS, code, store).await?,
            None => return Err(ApiError::Unreachable),
        };
        all.sort_by_key(|c| mascate_domain::text::fold(&c.name));
        Ok(all)
    }

    /// Adds a contact (`id` empty) or changes one in the ERP. The device's copy follows at once
    /// (a pull of today's selection), so the contact is there when the connection drops next.
    pub async fn save_contact(&self, id: &str, draft: &ContactDraft) -> Result<Contact, ApiError> {
        let saved = self.api.save_contact(id, draft).await?;
        self.offline.pull_now();
        Ok(saved)
    }

    /// A customer's last purchase of each product, newest first; offline those downloaded
    /// with today's selection.
    pub async fn last_purchases(&self, code: &str, store: &str) -> Result<Vec<LastPurchase>, ApiError> {
        ask_erp!(self, self.api.last_purchases(code, store));
        self.device_last_purchases(code, store).await
    }

    /// The device's copy of a customer's last purchases, whatever the connection.
    pub async fn device_last_purchases(&self, code: &str, store: &str) -> Result<Vec<LastPurchase>, ApiError> {
        let mut all: Vec<LastPurchase> = match self.device().await? {
            Some(db) => db.rows_of_customer(stores::LAST_PURCHASES, code, store).await?,
            None => return Err(ApiError::Unreachable),
        };
        all.sort_by(|a, b| (&b.last_date, &b.order_number).cmp(&(&a.last_date, &a.order_number)));
        Ok(all)
    }

    /// Prospects matching `search`.
    pub async fn prospects(&self, search: &str) -> Result<Vec<Prospect>, ApiError> {
        ask_erp!(self, self.api.prospects(search));
        let all: Vec<Prospect> = self.rows(stores::PROSPECTS).await?;
        Ok(all
            .into_iter()
            .filter(|p| matches_words(search, [p.name.as_str(), p.trade_name.as_str(), p.code.as_str()]))
            .take(50)
            .collect())
    }
}

/// Provides the read context (needs the API, connectivity and offline contexts).
pub fn provide_catalog() -> Catalog {
    let c =
        Catalog { api: use_api(), connectivity: use_connectivity(), offline: use_offline(), session: use_session() };
    provide_context(c);
    c.prepare_indexes();
    c
}

pub fn use_catalog() -> Catalog {
    expect_context::<Catalog>()
}
