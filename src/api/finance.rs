//! A customer's finances (§4.2–4.5) and the home indicators (§13).

use mascate_domain::contract::{
    Bill, CreditNote, CreditSheet, FinancialSheet, FinancialStatus, HomeCard, HomeChart, ListEnvelope, PaidBill,
};
use mascate_domain::document::range::between;
use mascate_domain::filter::Expr;
use serde_json::Value;

use super::{encode, Api, ApiError};

impl Api {
    pub async fn financial_status(&self, code: &str, store: &str) -> Result<FinancialStatus, ApiError> {
        self.get_json(&format!("/api/tgv/financialstatus/{}/{}", encode(code), encode(store)), &[]).await
    }

    /// Open and partly paid bills; `search` is the ERP's prefix search on the bill number
    /// (or a `yyyy-m-d` date).
    pub async fn bills(&self, code: &str, store: &str, search: &str) -> Result<Vec<Bill>, ApiError> {
        let mut params = vec![
            ("customerid", code.to_string()),
            ("customerstore", store.to_string()),
            ("pageSize", "200".to_string()),
        ];
        if !search.trim().is_empty() {
            params.push(("filter", search.trim().to_string()));
        }
        let list: ListEnvelope<Bill> = self.get_json("/api/tgv/financialsecurities/", &params).await?;
        Ok(list.items)
    }

    /// A page of the bills paid (a Mascate extension), newest payment first; `from`/`to`
    /// (`YYYY-MM-DD`, empty for open ends) narrow the paid date.
    pub async fn paid_bills(
        &self,
        (code, store): (&str, &str),
        (from, to): (&str, &str),
        page: usize,
        size: usize,
    ) -> Result<ListEnvelope<PaidBill>, ApiError> {
        let path = format!("/api/mascate/v1/customers/{}/{}/paidbills", encode(code), encode(store));
        let mut params = vec![("page", page.to_string()), ("pageSize", size.to_string())];
        if let Some(f) = Expr::all(between("paiddate", from, to)) {
            params.push(("FILTER", f.to_string()));
        }
        self.get_json(&path, &params).await
    }

    /// The credit notes the customer's returns made (a Mascate extension), newest first.
    pub async fn credit_notes(&self, code: &str, store: &str) -> Result<Vec<CreditNote>, ApiError> {
        let path = format!("/api/mascate/v1/customers/{}/{}/creditnotes", encode(code), encode(store));
        let list: ListEnvelope<CreditNote> = self.get_json(&path, &[("pageSize", "200".into())]).await?;
        Ok(list.items)
    }

    /// The registration sheet's financial tab (a Mascate extension).
    pub async fn financial_sheet(&self, code: &str, store: &str) -> Result<FinancialSheet, ApiError> {
        self.get_json(&format!("/api/mascate/v1/customers/{}/{}/financialsheet", encode(code), encode(store)), &[])
            .await
    }

    /// Overdue share of the open balance, in %.
    pub async fn delinquency(&self, code: &str, store: &str) -> Result<f64, ApiError> {
        let path = format!("/api/tgv/financialsecurities/financialdefault/{}/{}", encode(code), encode(store));
        let v: Value = self.get_json(&path, &[]).await?;
        Ok(v["financialdefault"].as_f64().unwrap_or(0.0))
    }

    /// Credit still available.
    pub async fn credit_balance(&self, code: &str, store: &str) -> Result<f64, ApiError> {
        let v: Value =
            self.get_json(&format!("/api/tgv/customers/creditlimit/{}/{}", encode(code), encode(store)), &[]).await?;
        Ok(v["creditLimitBalance"].as_f64().unwrap_or(0.0))
    }

    /// Item counts by state for a period (`YYYYMMDD`).
    pub async fn home_cards(&self, from: &str, to: &str) -> Result<Vec<HomeCard>, ApiError> {
        let list: ListEnvelope<HomeCard> =
            self.get_json("/api/tgv/cardsHome/", &[("initialDate", from.into()), ("finalDate", to.into())]).await?;
        Ok(list.items)
    }

    /// Billed vs unbilled per month (`yearly`: per year), value and quantity charts.
    pub async fn home_charts(&self, from: &str, to: &str, yearly: bool) -> Result<Vec<HomeChart>, ApiError> {
        let kind = if yearly { "1" } else { "2" };
        let list: ListEnvelope<HomeChart> = self
            .get_json(
                "/api/tgv/chartsHome/",
                &[("type", kind.into()), ("initialDate", from.into()), ("finalDate", to.into())],
            )
            .await?;
        Ok(list.items)
    }
}

impl Api {
    /// The credit sheet of the caller's customer with this CPF/CNPJ (a Mascate extension,
    /// `GET /api/mascate/v1/creditsheet?taxid=`); `None` when none of them has it.
    pub async fn credit_sheet(&self, tax_id: &str) -> Result<Option<CreditSheet>, ApiError> {
        match self.get_json("/api/mascate/v1/creditsheet", &[("taxid", tax_id.to_string())]).await {
            Ok(sheet) => Ok(Some(sheet)),
            Err(ApiError::Server { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
