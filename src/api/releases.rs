//! Order tracking (§9.5): the release list, narrowed by `STATUSFILTER`, for a range of days
//! or for one order (the day it was issued).

use mascate_domain::contract::{ListEnvelope, Order, ReleaseRow};
use mascate_domain::filter::Expr;
use mascate_domain::release::ReleaseFilter;

use super::{encode, Api, ApiError};

/// The path date `CTOD` reads (`DD/MM/YYYY`), from `YYYY-MM-DD`.
fn erp_date(iso: &str) -> String {
    let p: Vec<&str> = iso.trim().splitn(3, '-').collect();
    match p.as_slice() {
        [y, m, d] => encode(&format!("{}/{m}/{y}", d.get(..2).unwrap_or(d))),
        _ => encode(iso),
    }
}

/// Pages read at most (500 rows each) for one range.
const MAX_PAGES: usize = 40;

impl Api {
    /// Every release row of orders issued (or invoiced) between two days, `YYYY-MM-DD`,
    /// inclusive; `filter` narrows them to one state. None is the ERP's 404: read as empty.
    pub async fn releases(
        &self,
        from: &str,
        to: &str,
        filter: Option<ReleaseFilter>,
    ) -> Result<Vec<ReleaseRow>, ApiError> {
        let path = format!("/api/pgv/salesorderslist/{}/{}", erp_date(from), erp_date(to));
        let mut rows = Vec::new();
        for page in 1..=MAX_PAGES {
            let mut params = vec![("page", page.to_string()), ("pageSize", "500".to_string())];
            if let Some(f) = filter {
                params.push(("STATUSFILTER", f.code().to_string()));
            }
            let list: ListEnvelope<ReleaseRow> = match self.get_json(&path, &params).await {
                Err(ApiError::Server { status: 404, .. }) => break,
                other => other?,
            };
            rows.extend(list.items);
            if !list.has_next {
                break;
            }
        }
        Ok(rows)
    }

    /// One order's release rows (the list of the day it was issued, that order only).
    pub async fn order_releases(&self, number: &str, issue_date: &str) -> Result<Vec<ReleaseRow>, ApiError> {
        let rows = self.releases(issue_date, issue_date, None).await?;
        Ok(rows.into_iter().filter(|r| r.order.trim() == number.trim()).collect())
    }

    /// The headers of some orders, by number.
    pub async fn orders_numbered(&self, numbers: &[String]) -> Result<Vec<Order>, ApiError> {
        let Some(filter) = Expr::any(numbers.iter().map(|n| Expr::eq("orderid", n.as_str())).collect()) else {
            return Ok(Vec::new());
        };
        let params = [("FILTER", filter.to_string()), ("pageSize", numbers.len().max(1).to_string())];
        match self.get_json::<ListEnvelope<Order>>("/api/tgv/salesorders/", &params).await {
            Err(ApiError::Server { status: 404, .. }) => Ok(Vec::new()),
            other => Ok(other?.items),
        }
    }
}
