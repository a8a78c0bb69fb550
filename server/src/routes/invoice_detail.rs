//! `GET /api/mascate/v1/invoices/:number/:series` (a Mascate extension, issue 25): one of
//! the caller's invoices as its DANFE shows it. The stand-in keeps the invoice's header and
//! shipping (SF2: `F2_TRANSP`, `F2_VOLUME1`, `F2_ESPECI1`, `F2_PBRUTO`, `F2_PLIQUI`,
//! `F2_TXMOEDA`) and reads its items from the order it invoiced in full (SD2 mirrors SC6),
//! taxed by [`crate::taxes`] as `SalesTaxes` taxes the order, converted to reais at the
//! invoice's rate; the installments are its receivables (SE1).

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Extension, Json};
use mascate_domain::contract::{
    Installment, InvoiceDetail, InvoiceItem, InvoiceTotals, ItemTaxes, Place, Tax, Volumes,
};
use rusqlite::{params, OptionalExtension, Row};

use super::customer_scope::{code, seller_of};
use super::documented::Documented;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::openapi::{self as doc, Body::Object};
use crate::state::AppState;
use crate::taxes::{self, ItemFigures, ItemIn, OrderIn, COFINS_RATE, ORIGIN_UF, PIS_RATE, ST_INTERNAL_RATE};

/// The city the goods leave from (the company's, with [`ORIGIN_UF`]).
pub const ORIGIN_CITY: &str = "São Paulo";

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The invoice's header and what the taxes need of its order.
struct Header {
    detail: InvoiceDetail,
    order: OrderIn,
}

fn header(r: &Row) -> rusqlite::Result<Header> {
    let rate: f64 = r.get("rate")?;
    let detail = InvoiceDetail {
        invoice: r.get("invoice")?,
        serie: r.get("serie")?,
        issue_date: r.get("issuedate")?,
        key: r.get("invoicekey")?,
        order: r.get("orderid")?,
        customer_code: r.get("clientid")?,
        customer_store: r.get("storeid")?,
        customer_name: r.get("customername")?,
        tax_id: r.get("cgc")?,
        origin: Place { uf: ORIGIN_UF.into(), city: ORIGIN_CITY.into() },
        destination: Place { uf: r.get("uf")?, city: r.get("city")? },
        carrier: r.get("carrier")?,
        carrier_name: r.get("carriername")?,
        freight_type: r.get("freighttype")?,
        volumes: Volumes {
            quantity: r.get("volumes")?,
            kind: r.get("volumekind")?,
            gross_weight: r.get("grossweight")?,
            net_weight: r.get("netweight")?,
        },
        currency: r.get::<_, f64>("currencyid")? as i64,
        rate,
        ..InvoiceDetail::default()
    };
    let order = OrderIn {
        customer_uf: detail.destination.uf.clone(),
        customer_type: r.get("customertype")?,
        header_discount_pct: r.get("discount")?,
        freight: r2(r.get::<_, f64>("freight")? * rate),
        insurance: r2(r.get::<_, f64>("insurance")? * rate),
        expenses: r2(r.get::<_, f64>("expenses")? * rate),
        items: Vec::new(),
    };
    Ok(Header { detail, order })
}

const HEADER: &str = "
    SELECT n.invoice, n.serie, n.issuedate, n.invoicekey, n.orderid, n.carrier, n.volumes, n.volumekind,
           n.grossweight, n.netweight, n.rate, o.clientid, o.storeid, o.discount, o.freight, o.insurance, o.expenses,
           o.freighttype, o.currencyid, coalesce(c.name, '') AS customername, coalesce(c.cgc, '') AS cgc,
           coalesce(c.uf, '') AS uf, coalesce(c.city, '') AS city, coalesce(c.customertype, '') AS customertype,
           coalesce(k.name, '') AS carriername
    FROM invoices n JOIN orders o ON o.orderid = n.orderid
    LEFT JOIN customers c ON c.code = o.clientid AND c.store = o.storeid
    LEFT JOIN carriers k ON k.code = n.carrier
    WHERE n.invoice = ?1 AND n.serie = ?2 AND o.deleted = 0 AND (?3 OR o.sellerid = ?4)";

/// The item's taxes as the invoice shows them.
fn item_taxes(f: &ItemFigures, icms_rate: f64, ipi_rate: f64, has_st: bool) -> ItemTaxes {
    ItemTaxes {
        icms: Tax { base: f.icms_base, rate: icms_rate, value: f.icms },
        ipi: Tax { base: f.ipi_base(), rate: if f.ipi > 0.0 { ipi_rate } else { 0.0 }, value: f.ipi },
        icmsst: Tax { base: f.st_base, rate: if has_st { ST_INTERNAL_RATE } else { 0.0 }, value: f.st },
        pis: Tax { base: f.net(), rate: PIS_RATE, value: f.pis },
        cofins: Tax { base: f.net(), rate: COFINS_RATE, value: f.cofins },
    }
}

/// The sums of the items' taxes; a rate that differs per item (IPI) is the effective one.
fn total_taxes(items: &[InvoiceItem]) -> ItemTaxes {
    let sum = |f: fn(&ItemTaxes) -> Tax| {
        let (base, value) = items.iter().map(|i| f(&i.taxes)).fold((0.0, 0.0), |(b, v), t| (b + t.base, v + t.value));
        let rate = if base > 0.0 { r2(value / base * 100.0) } else { 0.0 };
        Tax { base: r2(base), rate, value: r2(value) }
    };
    let mut t = ItemTaxes {
        icms: sum(|t| t.icms),
        ipi: sum(|t| t.ipi),
        icmsst: sum(|t| t.icmsst),
        pis: sum(|t| t.pis),
        cofins: sum(|t| t.cofins),
    };
    // ICMS, PIS and COFINS have one rate per invoice: the nominal one, not a rounded ratio.
    t.icms.rate = items.first().map(|i| i.taxes.icms.rate).unwrap_or(0.0);
    t.pis.rate = PIS_RATE;
    t.cofins.rate = COFINS_RATE;
    t.icmsst.rate = if t.icmsst.value > 0.0 { ST_INTERNAL_RATE } else { 0.0 };
    t
}

/// Items (with their taxes), totals and operation of the invoice of `h`.
fn items(tx: &Tx, h: &mut Header) -> ApiResult<()> {
    let rate = h.detail.rate;
    let mut stmt = tx.conn.prepare_cached(
        "SELECT i.itemid, i.productid, i.description, coalesce(p.measureunit, ''), i.fiscalcode, i.quantity,
                i.unitprice, i.discount, i.outflowtype, coalesce(p.ipi, 0), coalesce(p.icmsst, 'N') = 'S',
                i.operationtype, coalesce(t.description, '')
         FROM order_items i LEFT JOIN products p ON p.code = i.productid
         LEFT JOIN operation_types t ON t.operationtypeid = i.operationtype
         WHERE i.orderid = ?1 AND i.deleted = 0 ORDER BY i.itemid",
    )?;
    type Line = (String, String, String, String, String, f64, f64, f64, String, f64, bool, String, String);
    let lines: Vec<Line> = stmt
        .query_map(params![h.detail.order], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for l in &lines {
        h.order.items.push(ItemIn {
            product: l.1.clone(),
            tes: l.8.clone(),
            quantity: l.5,
            unit_price: r2(l.6 * rate),
            discount_pct: l.7,
            ipi_rate: l.9,
            has_st: l.10,
        });
    }
    let icms_rate = taxes::icms_rate(&h.order.customer_uf);
    let figures = taxes::per_item(&h.order);
    for ((l, f), input) in lines.iter().zip(&figures).zip(&h.order.items) {
        h.detail.items.push(InvoiceItem {
            item: l.0.clone(),
            product: l.1.clone(),
            description: l.2.clone(),
            unit: l.3.clone(),
            cfop: l.4.clone(),
            quantity: l.5,
            unit_price: input.unit_price,
            value: f.goods,
            discount: f.discount,
            taxes: item_taxes(f, icms_rate, l.9, l.10),
            total: f.total,
        });
    }
    if let Some(first) = lines.first() {
        (h.detail.cfop, h.detail.operation, h.detail.operation_description) =
            (first.4.clone(), first.11.clone(), first.12.clone());
    }
    let sum = |f: fn(&ItemFigures) -> f64| r2(figures.iter().map(f).sum());
    h.detail.totals = InvoiceTotals {
        goods: sum(|f| f.goods),
        discount: sum(|f| f.discount),
        freight: sum(|f| f.freight),
        insurance: sum(|f| f.insurance),
        expenses: sum(|f| f.expenses),
        taxes: total_taxes(&h.detail.items),
        total: sum(|f| f.total),
    };
    Ok(())
}

/// The receivables the invoice made.
fn installments(tx: &Tx, invoice: &str, serie: &str) -> ApiResult<Vec<Installment>> {
    let mut stmt = tx.conn.prepare_cached(
        "SELECT installment, installmentmaturity, billvalue, titlebalance FROM bills
         WHERE titlecode = ?1 AND prefix = ?2 AND type = 'NF' AND deleted = 0 ORDER BY installment",
    )?;
    let rows = stmt.query_map(params![invoice, serie], |r| {
        Ok(Installment { installment: r.get(0)?, due_date: r.get(1)?, value: r.get(2)?, balance: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `GET /api/mascate/v1/invoices/:number/:series`: 404 for an unknown invoice or another
/// seller's, alike.
pub async fn detail(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((number, serie)): Path<(String, String)>,
) -> ApiResult<Json<InvoiceDetail>> {
    let number = code("Número da nota", &number, 9)?;
    let serie = serie.trim().to_string();
    if serie.is_empty() || serie.chars().count() > 3 || !serie.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ApiError::bad_request("Série da nota: 1 a 3 letras ou dígitos."));
    }
    state
        .db
        .read(move |tx| {
            let seller = seller_of(&caller)?;
            let found =
                tx.conn.query_row(HEADER, params![number, serie, caller.is_admin, seller], header).optional()?;
            let Some(mut h) = found else { return Err(ApiError::not_found("Nota fiscal nao encontrada")) };
            items(tx, &mut h)?;
            h.detail.installments = installments(tx, &number, &serie)?;
            Ok(Json(h.detail))
        })
        .await
}

/// The invoice detail route and its OpenAPI entry.
pub fn routes() -> Documented {
    Documented::new().route(
        "/api/mascate/v1/invoices/{number}/{series}",
        get(detail),
        &[doc::op("get", "One invoice: header, items with taxes, totals, installments (Mascate extension)", Object)],
    )
}
