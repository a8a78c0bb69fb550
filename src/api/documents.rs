//! Orders and quotations (§9–10): reads, the integration queue the writes go through, the
//! quotation's implement and cancel, and taxes (§11).

use gloo_net::http::Method;
use mascate_domain::contract::{DocumentItem, Invoice, ListEnvelope, Order, QueueRow, Quotation, Taxes};
use mascate_domain::document::range::DocumentRange;
use mascate_domain::document::{DocumentKind, Draft};
use mascate_domain::filter::Expr;
use serde_json::{json, Value};

use super::{encode, Api, ApiError};

/// What a document list asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentQuery {
    /// Number, customer code or name.
    pub search: String,
    /// The ERP status code, empty for all.
    pub status: String,
    /// Only this customer (`code`, `store`).
    pub customer: Option<(String, String)>,
    /// From/to issue date and number.
    pub range: DocumentRange,
}

impl DocumentQuery {
    fn filter(&self, kind: DocumentKind) -> Option<Expr> {
        let (number, code, store) = match kind {
            DocumentKind::Order => ("orderid", "clientid", "storeid"),
            DocumentKind::Quotation => ("budgetid", "customerid", "customerstore"),
        };
        let mut parts = Vec::new();
        let s = self.search.trim();
        if !s.is_empty() {
            parts.extend(Expr::any(vec![
                Expr::starts_with(number, s),
                Expr::starts_with(code, s),
                Expr::contains("customername", s),
            ]));
        }
        if !self.status.is_empty() {
            parts.push(Expr::eq("status", self.status.as_str()));
        }
        if let Some((c, st)) = &self.customer {
            parts.push(Expr::eq(code, c.as_str()));
            parts.push(Expr::eq(store, st.as_str()));
        }
        parts.extend(self.range.exprs(number));
        Expr::all(parts)
    }
}

/// An ERP document's header, as read.
#[derive(Debug, Clone, PartialEq)]
pub enum ErpHeader {
    Order(Order),
    Quotation(Quotation),
}

/// Reads a list whose empty FILTER result is the ERP's 404 (§14) as empty.
pub(super) fn empty_on_404<T>(r: Result<ListEnvelope<T>, ApiError>) -> Result<ListEnvelope<T>, ApiError> {
    match r {
        Err(ApiError::Server { status: 404, .. }) => {
            Ok(ListEnvelope { items: vec![], has_next: false, po_sync_date: None })
        }
        other => other,
    }
}

impl Api {
    /// Reads an ERP document once: the draft it makes (lines included) and its header;
    /// `new_id` makes the external id of a document written outside the app.
    pub async fn erp_document(
        &self,
        kind: DocumentKind,
        number: &str,
        new_id: fn() -> String,
    ) -> Result<(Draft, ErpHeader), ApiError> {
        Ok(match kind {
            DocumentKind::Order => {
                let o = self.order(number).await?;
                let d = Draft::from_order(&o, self.order_items(number).await?, new_id);
                (d, ErpHeader::Order(o))
            }
            DocumentKind::Quotation => {
                let q = self.quotation(number).await?;
                let d = Draft::from_quotation(&q, self.quotation_items(number).await?, new_id);
                (d, ErpHeader::Quotation(q))
            }
        })
    }

    pub async fn orders(&self, q: &DocumentQuery, page: usize, size: usize) -> Result<ListEnvelope<Order>, ApiError> {
        let mut params =
            vec![("page", page.to_string()), ("pageSize", size.to_string()), ("SORT", "-issuedate,-orderid".into())];
        if let Some(f) = q.filter(DocumentKind::Order) {
            params.push(("FILTER", f.to_string()));
        }
        empty_on_404(self.get_json("/api/tgv/salesorders/", &params).await)
    }

    pub async fn order(&self, number: &str) -> Result<Order, ApiError> {
        self.get_json(&format!("/api/tgv/salesorders/{}", encode(number)), &[]).await
    }

    pub async fn order_items(&self, number: &str) -> Result<Vec<DocumentItem>, ApiError> {
        let path = format!("/api/tgv/salesorders/{}/items", encode(number));
        Ok(empty_on_404(self.get_json(&path, &[("pageSize", "500".into())]).await)?.items)
    }

    /// An order's invoices (none is the ERP's 404).
    pub async fn invoices(&self, number: &str) -> Result<Vec<Invoice>, ApiError> {
        let path = format!("/api/tgv/salesorders/invoices/{}", encode(number));
        Ok(empty_on_404(self.get_json(&path, &[]).await)?.items)
    }

    pub async fn quotations(
        &self,
        q: &DocumentQuery,
        page: usize,
        size: usize,
    ) -> Result<ListEnvelope<Quotation>, ApiError> {
        let mut params =
            vec![("page", page.to_string()), ("pageSize", size.to_string()), ("SORT", "-issuedate,-budgetid".into())];
        if let Some(f) = q.filter(DocumentKind::Quotation) {
            params.push(("FILTER", f.to_string()));
        }
        empty_on_404(self.get_json("/api/tgv/salesbudgets/", &params).await)
    }

    pub async fn quotation(&self, number: &str) -> Result<Quotation, ApiError> {
        self.get_json(&format!("/api/tgv/salesbudgets/{}", encode(number)), &[]).await
    }

    pub async fn quotation_items(&self, number: &str) -> Result<Vec<DocumentItem>, ApiError> {
        let path = format!("/api/tgv/salesbudgets/{}/items", encode(number));
        Ok(empty_on_404(self.get_json(&path, &[("pageSize", "500".into())]).await)?.items)
    }

    /// Queues a draft (insert, or update when the ERP already knows it). The external id is
    /// the draft's own, on every attempt.
    pub async fn queue_draft(&self, draft: &Draft) -> Result<Value, ApiError> {
        let body = draft.queue_body();
        if draft.is_known_to_erp() {
            self.send_json(Method::PUT, &format!("/api/tgv/integrationqueue/{}", encode(&draft.external_id)), &body)
                .await
        } else {
            self.send_json(Method::POST, "/api/tgv/integrationqueue/", &body).await
        }
    }

    /// The queue row of an external id, if the server has one.
    pub async fn queue_row(&self, external_id: &str) -> Result<Option<QueueRow>, ApiError> {
        let filter = Expr::eq("id", external_id).to_string();
        let list: ListEnvelope<QueueRow> =
            self.get_json("/api/tgv/integrationqueue/", &[("FILTER", filter), ("pageSize", "1".into())]).await?;
        Ok(list.items.into_iter().next())
    }

    /// Turns a quotation into an order; returns the order's number.
    pub async fn implement_quotation(&self, number: &str) -> Result<String, ApiError> {
        let v: Value = self
            .send_json(Method::POST, "/api/tgv/salesbudgets/implement/", &json!({"header": {"budgetid": number}}))
            .await?;
        Ok(v["items"][0]["orderid"].as_str().unwrap_or_default().to_string())
    }

    pub async fn cancel_quotation(&self, number: &str) -> Result<(), ApiError> {
        let _: Value = self
            .send_json(Method::POST, "/api/tgv/salesbudgets/cancel/", &json!({"header": {"budgetid": number}}))
            .await?;
        Ok(())
    }

    /// The ERP's taxes for a draft (a simulation, nothing is saved).
    pub async fn taxes(&self, draft: &Draft, customer_type: &str) -> Result<Taxes, ApiError> {
        let products: Vec<Value> = draft
            .live_items()
            .enumerate()
            .map(|(n, i)| {
                json!({"ItemId": format!("{:02}", n + 1), "ProductId": i.product, "Quantity": i.quantity,
                    "UnitaryValue": i.unit_price, "PriceList": i.list_price, "ItemDiscountPercentage": i.discount_pct})
            })
            .collect();
        let body = json!({"CustomerId": draft.customer_code, "CustomerUnit": draft.customer_store,
            "CustomerType": customer_type, "Payment": draft.payment_condition, "PriceListId": draft.price_list,
            "DiscountPercentage1": draft.discount_pct, "Freight": draft.freight, "Insurance": draft.insurance,
            "Expense": draft.expenses, "SalesType": "N", "ListofProducts": products});
        let v: Value = self.send_json(Method::POST, "/api/fat/v1/SalesTaxes", &body).await?;
        Taxes::from_json(&v).ok_or_else(|| ApiError::Malformed("SalesTaxes".into()))
    }

    /// A stored order's taxes.
    pub async fn order_taxes(&self, number: &str) -> Result<Taxes, ApiError> {
        let v: Value = self.get_json(&format!("/api/fat/v1/SalesTaxes/{}", encode(number)), &[]).await?;
        Taxes::from_json(&v).ok_or_else(|| ApiError::Malformed("SalesTaxes".into()))
    }

    /// Deletes a document right away (online only; offline there is no delete).
    pub async fn delete_document(&self, kind: DocumentKind, number: &str) -> Result<(), ApiError> {
        let path = match kind {
            DocumentKind::Order => format!("/api/tgv/salesorders/{}", encode(number)),
            DocumentKind::Quotation => format!("/api/tgv/salesbudgets/{}", encode(number)),
        };
        let _: Value = self.send_json(Method::DELETE, &path, &json!({})).await?;
        Ok(())
    }
}
