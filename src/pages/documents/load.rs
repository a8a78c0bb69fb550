//! What a documents list shows, read from the ERP: a page of headers, each order with its
//! state from the release list (§9.5), so the chip says what the order page says; or, with
//! a state filter, the orders the release list gives for that state.

use mascate_domain::contract::Order;
use mascate_domain::document::range::DocumentRange;
use mascate_domain::document::{DocumentKind, OrderState, QuotationState};
use mascate_domain::release::{by_order, ReleaseFilter};

use super::{order_state_msg, order_tone, quotation_state_msg, quotation_tone, Row, PAGE_SIZE};
use crate::api::documents::DocumentQuery;
use crate::api::{Api, ApiError};

/// The first day the release list is asked about when a state is chosen.
const SINCE: &str = "2000-01-01";

fn order_row(o: Order, state: Option<OrderState>) -> Row {
    let state = state.unwrap_or_else(|| OrderState::of(&o.status, &o.block_reason));
    Row {
        status: order_state_msg(state),
        tone: order_tone(state),
        status_code: o.status.trim().to_string(),
        state_code: state.code(),
        number: o.number,
        issue_date: o.issue_date,
        customer: format!("{}/{}", o.customer_code, o.customer_store),
        customer_name: o.customer_name,
        amount: o.amount,
        currency: o.currency,
        symbol: String::new(),
    }
}

/// One page of a list; `status` is a release filter code for orders, the ERP status for
/// quotations; `range` narrows to issue dates and numbers. Each amount carries the symbol
/// of the currency it was sold in.
pub async fn load(
    api: Api,
    kind: DocumentKind,
    search: String,
    status: String,
    range: DocumentRange,
    page: usize,
) -> Result<(Vec<Row>, bool), ApiError> {
    let (mut rows, has_next) = rows(api, kind, search, status, range, page).await?;
    let symbols = api.currency_symbols(rows.iter().map(|r| r.currency)).await;
    for row in &mut rows {
        if let Some((_, symbol)) = symbols.iter().find(|(id, _)| *id == row.currency) {
            row.symbol = symbol.clone();
        }
    }
    Ok((rows, has_next))
}

async fn rows(
    api: Api,
    kind: DocumentKind,
    search: String,
    status: String,
    range: DocumentRange,
    page: usize,
) -> Result<(Vec<Row>, bool), ApiError> {
    match kind {
        DocumentKind::Order => match ReleaseFilter::from_code(&status) {
            Some(filter) => orders_in(api, filter, &search, &range, page).await,
            None => orders(api, search, range, page).await,
        },
        DocumentKind::Quotation => {
            let q = DocumentQuery { search, status, customer: None, range };
            let list = api.quotations(&q, page, PAGE_SIZE).await?;
            let rows = list
                .items
                .into_iter()
                .map(|o| {
                    let state = QuotationState::of(&o.status);
                    Row {
                        status: quotation_state_msg(state),
                        tone: quotation_tone(state),
                        status_code: o.status.trim().to_string(),
                        state_code: "",
                        number: o.number,
                        issue_date: o.issue_date,
                        customer: if o.prospect_code.is_empty() {
                            format!("{}/{}", o.customer_code, o.customer_store)
                        } else {
                            format!("{}/{}", o.prospect_code, o.prospect_store)
                        },
                        customer_name: o.customer_name,
                        amount: o.amount,
                        currency: o.currency,
                        symbol: String::new(),
                    }
                })
                .collect();
            Ok((rows, list.has_next))
        }
    }
}

/// A page of headers, each with its state from the releases of the page's days (the
/// header's own status when the ERP has no release list).
async fn orders(api: Api, search: String, range: DocumentRange, page: usize) -> Result<(Vec<Row>, bool), ApiError> {
    let q = DocumentQuery { search, status: String::new(), customer: None, range };
    let list = api.orders(&q, page, PAGE_SIZE).await?;
    let days = list.items.iter().map(|o| o.issue_date.as_str());
    let (first, last) = (days.clone().min().unwrap_or_default(), days.max().unwrap_or_default());
    let releases = if list.items.is_empty() {
        Vec::new()
    } else {
        by_order(api.releases(first, last, None).await.unwrap_or_default())
    };
    let rows = list
        .items
        .into_iter()
        .map(|o| {
            let state = releases.iter().find(|r| r.number == o.number.trim()).and_then(|r| r.state());
            order_row(o, state)
        })
        .collect();
    Ok((rows, list.has_next))
}

/// The orders whose items the release list puts in `filter` for `range`'s days (issued or
/// invoiced in them), searched, narrowed to `range`'s numbers and paged here.
async fn orders_in(
    api: Api,
    filter: ReleaseFilter,
    search: &str,
    range: &DocumentRange,
    page: usize,
) -> Result<(Vec<Row>, bool), ApiError> {
    let today = crate::erp_clock::today();
    let (from, to) = (non_empty(&range.from, SINCE), non_empty(&range.to, &today));
    let mut orders = by_order(api.releases(&from, &to, Some(filter)).await?);
    // The ERP's tracking list (§9.5): orders issued *or* invoiced in the range, as the page says.
    orders.retain(|o| o.matches(search) && range.contains_number(&o.number));
    let start = (page.max(1) - 1) * PAGE_SIZE;
    let has_next = orders.len() > start + PAGE_SIZE;
    let shown: Vec<_> = orders.into_iter().skip(start).take(PAGE_SIZE).collect();
    let numbers: Vec<String> = shown.iter().map(|o| o.number.clone()).collect();
    let headers = api.orders_numbered(&numbers).await?;
    let rows = shown
        .into_iter()
        .filter_map(|o| {
            let header = headers.iter().find(|h| h.number.trim() == o.number)?.clone();
            Some(order_row(header, o.state()))
        })
        .collect();
    Ok((rows, has_next))
}

fn non_empty(s: &str, default: &str) -> String {
    if s.trim().is_empty() {
        default.to_string()
    } else {
        s.trim().to_string()
    }
}
