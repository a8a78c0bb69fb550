//! A customer's contacts (schema 000003) and the Mascate extensions over sales (invoices,
//! last purchases, statistics). A Protheus without an extension answers 404; the pages say
//! the view needs the Mascate server.

use gloo_net::http::Method;
use mascate_domain::contact::ContactDraft;
use mascate_domain::contract::{Contact, Currency, InvoiceDetail, InvoiceRow, LastPurchase, ListEnvelope, Statistics};
use mascate_domain::document::range::{between, padded_to, INVOICE_WIDTH};
use mascate_domain::filter::Expr;
use mascate_domain::statistics::GroupBy;

use super::documents::empty_on_404;
use super::{encode, Api, ApiError};

/// What the invoices list asks for: issue and delivery dates from/to (`YYYY-MM-DD`, empty for
/// open ends) and a customer code or name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvoiceQuery {
    pub search: String,
    pub from: String,
    pub to: String,
    pub delivery_from: String,
    pub delivery_to: String,
    /// Invoice numbers from/to, as typed (padded to the ERP's nine digits when asked).
    pub number_from: String,
    pub number_to: String,
}

/// What the statistics page asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatisticsQuery {
    pub group_by: GroupBy,
    pub from: String,
    pub to: String,
    pub currency: String,
    pub product_group: String,
    /// A fragment of the product's description (empty: any).
    pub description: String,
}

impl Api {
    /// A customer's contacts (the ERP's 404 for none is an empty list).
    pub async fn contacts(&self, code: &str, store: &str) -> Result<Vec<Contact>, ApiError> {
        let filter = format!("{} and {}", Expr::eq("customerid", code), Expr::eq("customerstore", store));
        let params = [("pageSize", "100".to_string()), ("SORT", "name".into()), ("FILTER", filter)];
        Ok(empty_on_404(self.get_json("/api/tgv/contacts/", &params).await)?.items)
    }

    /// Adds a contact (`id` empty) or changes one; returns it as saved.
    pub async fn save_contact(&self, id: &str, draft: &ContactDraft) -> Result<Contact, ApiError> {
        let body = serde_json::to_value(draft).map_err(|e| ApiError::Malformed(e.to_string()))?;
        let answer: ListEnvelope<Contact> = if id.is_empty() {
            self.send_json(Method::POST, "/api/tgv/contacts/", &body).await?
        } else {
            self.send_json(Method::PUT, &format!("/api/tgv/contacts/{}", encode(id)), &body).await?
        };
        answer.items.into_iter().next().ok_or_else(|| ApiError::Malformed("contact: no item".into()))
    }

    /// A page of the seller's invoices, newest first.
    pub async fn invoice_list(
        &self,
        q: &InvoiceQuery,
        page: usize,
        size: usize,
    ) -> Result<ListEnvelope<InvoiceRow>, ApiError> {
        let mut parts = between("issuedate", &q.from, &q.to);
        parts.extend(between("deliverydate", &q.delivery_from, &q.delivery_to));
        let (lo, hi) = (padded_to(&q.number_from, INVOICE_WIDTH), padded_to(&q.number_to, INVOICE_WIDTH));
        parts.extend(between("invoice", &lo, &hi));
        let s = q.search.trim();
        if !s.is_empty() {
            parts.extend(Expr::any(vec![
                Expr::starts_with("invoice", s),
                Expr::starts_with("customerid", s),
                Expr::contains("customername", s),
                Expr::contains("customer", s),
            ]));
        }
        let mut params = vec![("page", page.to_string()), ("pageSize", size.to_string())];
        if let Some(f) = Expr::all(parts) {
            params.push(("FILTER", f.to_string()));
        }
        self.get_json("/api/mascate/v1/invoices", &params).await
    }

    /// One invoice with its items, taxes, totals and instalments (a Mascate extension).
    pub async fn invoice_detail(&self, number: &str, series: &str) -> Result<InvoiceDetail, ApiError> {
        self.get_json(&format!("/api/mascate/v1/invoices/{}/{}", encode(number), encode(series)), &[]).await
    }

    /// A customer's last purchase of each product, newest first.
    pub async fn last_purchases(&self, code: &str, store: &str) -> Result<Vec<LastPurchase>, ApiError> {
        let path = format!("/api/mascate/v1/lastpurchases/{}/{}", encode(code), encode(store));
        let list: ListEnvelope<LastPurchase> = self.get_json(&path, &[("pageSize", "200".into())]).await?;
        Ok(list.items)
    }

    /// The currencies documents are sold in (1 is the real), with their symbols.
    pub async fn currencies(&self) -> Result<Vec<Currency>, ApiError> {
        let list: ListEnvelope<Currency> = self.get_json("/api/mascate/v1/currencies", &[]).await?;
        Ok(list.items)
    }

    /// The symbol of each currency id that is not the real's (`R$` needs no asking): `¤` for
    /// one the ERP does not list, or when the list cannot be read.
    pub async fn currency_symbols(&self, ids: impl IntoIterator<Item = i64>) -> Vec<(i64, String)> {
        let wanted: Vec<i64> = ids.into_iter().filter(|id| *id > 1).collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let listed = self.currencies().await.unwrap_or_default();
        wanted
            .into_iter()
            .map(|id| {
                let symbol = listed.iter().find(|c| c.id == id).map(|c| c.symbol.clone());
                (id, symbol.unwrap_or_else(|| "¤".into()))
            })
            .collect()
    }

    /// The sales statistics.
    pub async fn statistics(&self, q: &StatisticsQuery) -> Result<Statistics, ApiError> {
        let mut params = vec![("groupby", q.group_by.code().to_string())];
        for (k, v) in [
            ("from", &q.from),
            ("to", &q.to),
            ("currency", &q.currency),
            ("productgroup", &q.product_group),
            ("description", &q.description),
        ] {
            if !v.trim().is_empty() {
                params.push((k, v.trim().to_string()));
            }
        }
        self.get_json("/api/mascate/v1/salesstatistics", &params).await
    }
}
