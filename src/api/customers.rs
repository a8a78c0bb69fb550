//! Customers (§4.1–4.2).

use mascate_domain::contract::{Customer, ListEnvelope};
use mascate_domain::customer_query::CustomerQuery;

use super::{encode, Api, ApiError};

impl Api {
    /// One page of the seller's customers answering `query`.
    pub async fn customers(
        &self,
        query: &CustomerQuery,
        page: usize,
        page_size: usize,
    ) -> Result<ListEnvelope<Customer>, ApiError> {
        let mut params = vec![
            ("page", page.to_string()),
            ("pageSize", page_size.to_string()),
            ("SORT", query.sort_param().to_string()),
        ];
        if let Some(filter) = query.to_filter() {
            params.push(("FILTER", filter.to_string()));
        }
        self.get_json("/api/tgv/customers/", &params).await
    }

    /// One customer by code and store.
    pub async fn customer(&self, code: &str, store: &str) -> Result<Customer, ApiError> {
        self.get_json(&format!("/api/tgv/customers/{}/{}", encode(code), encode(store)), &[]).await
    }
}
