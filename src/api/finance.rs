//! A customer's finances (§4.2–4.5) and the home indicators (§13).

use mascate_domain::contract::{Bill, CreditSheet, FinancialStatus, HomeCard, HomeChart, ListEnvelope};
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
