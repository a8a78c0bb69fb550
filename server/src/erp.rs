//! The ERP's document engine, as MATA410 (orders) and MATA415 (quotations) behave through
//! ExecAuto: validate a `{header, items}` body like Protheus, then insert, update or delete
//! the document, all inside the caller's transaction. The integration queue and the
//! synchronous endpoints both come through here, so they agree.
//!
//! Validation mirrors the ERP's refusals with Protheus-like messages: an unknown or
//! blocked customer or product, a product without an outflow type (TES), blank quantity or
//! price (the A410VZ help), an unknown payment condition. A customer over their credit
//! limit does not refuse the order: it is created with a credit block, as Protheus does.

use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use crate::db::Tx;
use crate::fixtures::next_number;
use crate::routes::customers::DEFAULT_QUOTATION_CUSTOMER;
use crate::routes::financial::credit_balance;
use crate::selection::{add_to_todays_filter, SelectionError};
use mascate_domain::contract::schema;

/// Which routine a body is for (`source` in the queue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routine {
    /// MATA410, sales orders.
    Order,
    /// MATA415, quotations.
    Quotation,
}

impl Routine {
    pub fn from_source(source: &str) -> Option<Routine> {
        match source.trim().to_ascii_uppercase().as_str() {
            "MATA410" => Some(Routine::Order),
            "MATA415" => Some(Routine::Quotation),
            _ => None,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Routine::Order => "PEDIDO",
            Routine::Quotation => "ORÇAMENTO",
        }
    }
}

/// What the caller asked for (`A1T_TPOPER`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Insert,
    Update,
    Delete,
}

impl Operation {
    pub fn code(self) -> &'static str {
        match self {
            Operation::Insert => "3",
            Operation::Update => "4",
            Operation::Delete => "5",
        }
    }

    pub fn from_code(code: &str) -> Operation {
        match code {
            "4" => Operation::Update,
            "5" => Operation::Delete,
            _ => Operation::Insert,
        }
    }
}

/// A successful run: the document's number and what actually happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub number: String,
    pub operation: Operation,
    /// The order was created or changed, but is held by a credit block.
    pub credit_blocked: bool,
}

/// A refusal, with the ERP's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused(pub String);

type Outcome = Result<Done, Refused>;

fn refuse<T>(msg: impl Into<String>) -> Result<T, Refused> {
    Err(Refused(msg.into()))
}

/// A database failure is not a business refusal; it aborts the transaction.
#[derive(Debug)]
pub enum Failure {
    Refused(Refused),
    Db(crate::error::ApiError),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Db(e.into())
    }
}

impl From<crate::error::ApiError> for Failure {
    fn from(e: crate::error::ApiError) -> Self {
        Failure::Db(e)
    }
}

impl From<SelectionError> for Failure {
    fn from(e: SelectionError) -> Self {
        match e {
            SelectionError::Full => Failure::Refused(Refused(e.to_string())),
            SelectionError::Db(e) => Failure::Db(e),
        }
    }
}

impl From<Refused> for Failure {
    fn from(r: Refused) -> Self {
        Failure::Refused(r)
    }
}

/// A text property, numbers accepted too; trailing padding dropped.
pub fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim_end().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// A number property; numeric strings are converted (§10.2). `None` when absent or not a number.
pub fn number(v: &Value, key: &str) -> Option<f64> {
    match v.get(key) {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().replace(',', ".").parse().ok(),
        _ => None,
    }
}

/// A date as `YYYY-MM-DD` (`yyyy-M-d` accepted); `None` if it does not parse.
pub fn date(v: &Value, key: &str) -> Option<String> {
    let raw = text(v, key);
    let mut p = raw.trim().split('-');
    let (y, m, d) = (p.next()?.parse::<u32>().ok()?, p.next()?.parse::<u32>().ok()?, p.next()?.parse::<u32>().ok()?);
    (p.next().is_none() && (1..=12).contains(&m) && (1..=31).contains(&d) && y > 1900)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn is_deleted(item: &Value) -> bool {
    matches!(item.get("isDeleted"), Some(Value::Bool(true))) || text(item, "isDeleted").eq_ignore_ascii_case("true")
}

/// One checked item line.
struct Line {
    itemid: String,
    product: String,
    description: String,
    quantity: f64,
    list_price: f64,
    unit_price: f64,
    discount: f64,
    outflow: String,
    customer_order: String,
    delivery: String,
}

/// Checks the items like MATA410/415 do and prices them.
fn check_lines(tx: &Tx, items: &[&Value], existing_last: &str) -> Result<Vec<Line>, Failure> {
    let mut out = Vec::new();
    let mut last = existing_last.to_string();
    let mut missing: Vec<String> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let itemid = match text(item, "itemid") {
            id if id.trim().is_empty() => {
                last = mascate_domain::document::next_item_id(&last);
                last.clone()
            }
            id => {
                if id.as_str() > last.as_str() {
                    last = id.clone();
                }
                id
            }
        };
        let product_code = text(item, "productid");
        let product: Option<(String, String, String, f64)> = tx
            .conn
            .query_row(
                "SELECT description, status, outflowtype, price FROM products WHERE code = ?1 AND deleted = 0",
                params![product_code],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((description, status, outflow, base_price)) = product else {
            return Err(Refused(format!("Produto {product_code} não cadastrado (REGNOIS) no item {itemid}.")).into());
        };
        if status == "1" {
            return Err(Refused(format!(
                "Registro bloqueado para uso: Produto {product_code} (REGBLOQ) no item {itemid}."
            ))
            .into());
        }
        let quantity = number(item, "quantity").unwrap_or(0.0);
        let unit_price = number(item, "unitprice").unwrap_or(0.0);
        let mut blank = Vec::new();
        if quantity <= 0.0 {
            blank.push("Quantidade (C6_QTDVEN)");
        }
        if unit_price <= 0.0 {
            blank.push("Prc Unitario (C6_PRCVEN)");
        }
        if outflow.trim().is_empty() {
            blank.push("Tipo de Saida (C6_TES)");
        }
        if !blank.is_empty() {
            missing.push(format!("item {itemid} ({product_code}): {}", blank.join(", ")));
        }
        let discount = number(item, "discount").unwrap_or(0.0);
        if !(0.0..100.0).contains(&discount) {
            return Err(Refused(format!("Percentual de desconto inválido no item {itemid}: {discount}.")).into());
        }
        let list_price = number(item, "pricelist").filter(|p| *p > 0.0).unwrap_or(base_price);
        let desc = text(item, "description");
        out.push(Line {
            itemid,
            product: product_code,
            description: if desc.is_empty() { description } else { desc },
            quantity,
            list_price,
            unit_price,
            discount,
            outflow,
            customer_order: text(item, "customerorder"),
            delivery: date(item, "deliverydate").unwrap_or_default(),
        });
        let _ = n;
    }
    if !missing.is_empty() {
        return Err(Refused(format!(
            "A410VZ - Existem campos obrigatórios em branco ou inválidos. {}.",
            missing.join("; ")
        ))
        .into());
    }
    Ok(out)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The customer of a body, checked: exists, live, not blocked, and (for a seller) theirs.
fn check_customer(tx: &Tx, seller: &str, code: &str, store: &str, routine: Routine) -> Result<(), Failure> {
    let found: Option<(String, String)> = tx
        .conn
        .query_row(
            "SELECT status, vendor FROM customers WHERE code = ?1 AND store = ?2 AND deleted = 0",
            params![code, store],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((status, vendor)) = found else {
        return Err(Refused(format!("Cliente {code}/{store} não cadastrado (REGNOIS).")).into());
    };
    let default_customer = format!("{code}{store}") == DEFAULT_QUOTATION_CUSTOMER;
    if vendor != seller && !(routine == Routine::Quotation && default_customer) {
        return Err(Refused(format!("Cliente {code}/{store} não pertence à carteira do vendedor {seller}.")).into());
    }
    if status == "1" {
        return Err(Refused(format!("Registro bloqueado para uso: Cliente {code}/{store} (REGBLOQ).")).into());
    }
    Ok(())
}

fn check_reference(tx: &Tx, header: &Value) -> Result<(), Failure> {
    let payment = text(header, "paymentconditionid");
    if payment.is_empty() {
        return Err(
            Refused("A410VZ - Existem campos obrigatórios em branco: Cond. Pagto (C5_CONDPAG).".to_string()).into()
        );
    }
    let status: Option<String> = tx
        .conn
        .query_row(
            "SELECT status FROM payment_conditions WHERE paymentcode = ?1 AND deleted = 0",
            params![payment],
            |r| r.get(0),
        )
        .optional()?;
    match status.as_deref() {
        None => return Err(Refused(format!("Condição de pagamento {payment} não cadastrada (REGNOIS).")).into()),
        Some("1") => {
            return Err(
                Refused(format!("Registro bloqueado para uso: Condição de pagamento {payment} (REGBLOQ).")).into()
            )
        }
        _ => {}
    }
    let list = text(header, "pricelistid");
    if !list.is_empty() {
        let ok = tx
            .conn
            .prepare_cached("SELECT 1 FROM price_lists WHERE code = ?1 AND deleted = 0")?
            .exists(params![list])?;
        if !ok {
            return Err(Refused(format!("Tabela de preço {list} não cadastrada (REGNOIS).")).into());
        }
    }
    let carrier = text(header, "carriercode");
    if !carrier.is_empty() {
        let ok = tx
            .conn
            .prepare_cached("SELECT 1 FROM carriers WHERE code = ?1 AND deleted = 0")?
            .exists(params![carrier])?;
        if !ok {
            return Err(Refused(format!("Transportadora {carrier} não cadastrada (REGNOIS).")).into());
        }
    }
    Ok(())
}

/// Runs an order or quotation operation for `seller` with the client id `external_id`.
/// Business refusals come back as `Ok(Err(Refused))`, so the caller can record them inside
/// the same transaction; database failures are `Err`.
pub fn run(
    tx: &Tx,
    routine: Routine,
    operation: Operation,
    seller: &str,
    external_id: &str,
    body: &Value,
) -> crate::error::ApiResult<Outcome> {
    let result = match routine {
        Routine::Order => order(tx, operation, seller, external_id, body),
        Routine::Quotation => quotation(tx, operation, seller, external_id, body),
    };
    match result {
        Ok(done) => Ok(Ok(done)),
        Err(Failure::Refused(r)) => Ok(Err(r)),
        Err(Failure::Db(e)) => Err(e),
    }
}

fn order(tx: &Tx, operation: Operation, seller: &str, external_id: &str, body: &Value) -> Result<Done, Failure> {
    let header = body.get("header").cloned().unwrap_or(Value::Null);
    // The document this client id already made, if any: a re-sent insert becomes an update,
    // so one external id never makes two documents.
    let by_external: Option<(String, String)> = if external_id.is_empty() {
        None
    } else {
        tx.conn
            .query_row(
                "SELECT orderid, sellerid FROM orders WHERE externalid = ?1 AND deleted = 0",
                params![external_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
    };
    let asked = text(&header, "orderid");
    let target = if !asked.is_empty() {
        let found: Option<(String, String, String)> = tx
            .conn
            .query_row(
                "SELECT orderid, sellerid, invoice FROM orders WHERE orderid = ?1 AND deleted = 0",
                params![asked],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match found {
            Some((id, owner, invoice)) if owner == seller => Some((id, invoice)),
            _ => return refuse(format!("Pedido {asked} não localizado para o vendedor {seller}.")).map_err(Into::into),
        }
    } else {
        match &by_external {
            Some((id, owner)) if owner == seller => {
                let invoice: String =
                    tx.conn.query_row("SELECT invoice FROM orders WHERE orderid = ?1", params![id], |r| r.get(0))?;
                Some((id.clone(), invoice))
            }
            Some(_) => return refuse("Identificador externo já utilizado por outro vendedor.").map_err(Into::into),
            None => None,
        }
    };

    if operation == Operation::Delete {
        let Some((id, invoice)) = target else {
            return refuse(format!("Pedido com identificador {external_id} não localizado.")).map_err(Into::into);
        };
        if !invoice.is_empty() {
            return refuse(format!("Pedido {id} já faturado (nota {invoice}) não pode ser excluído."))
                .map_err(Into::into);
        }
        let stamp = tx.stamp();
        tx.conn.execute("UPDATE orders SET deleted = 1, stamp = ?1 WHERE orderid = ?2", params![stamp, id])?;
        tx.conn.execute("UPDATE order_items SET deleted = 1, stamp = ?1 WHERE orderid = ?2", params![stamp, id])?;
        return Ok(Done { number: id, operation, credit_blocked: false });
    }

    let (code, store) = (text(&header, "customerid"), text(&header, "customerstore"));
    check_customer(tx, seller, &code, &store, Routine::Order)?;
    check_reference(tx, &header)?;
    let items: Vec<&Value> =
        body.get("items").and_then(Value::as_array).map(|v| v.iter().collect()).unwrap_or_default();
    let (live, removed): (Vec<&Value>, Vec<&Value>) = items.into_iter().partition(|i| !is_deleted(i));
    if let Some((id, invoice)) = &target {
        if !invoice.is_empty() {
            return refuse(format!("Pedido {id} já faturado (nota {invoice}) não pode ser alterado."))
                .map_err(Into::into);
        }
    }
    let last_item: String = match &target {
        Some((id, _)) => tx.conn.query_row(
            "SELECT coalesce(max(itemid), '') FROM order_items WHERE orderid = ?1",
            params![id],
            |r| r.get(0),
        )?,
        None => String::new(),
    };
    let lines = check_lines(tx, &live, &last_item)?;
    if lines.is_empty() && target.is_none() {
        return refuse("A410VZ - O pedido não possui itens.").map_err(Into::into);
    }

    let stamp = tx.stamp();
    let (id, op) = match &target {
        Some((id, _)) => (id.clone(), Operation::Update),
        None => (next_number(tx, "order", 6)?, Operation::Insert),
    };
    let discount = number(&header, "discount").unwrap_or(0.0);
    let values = params![
        id,
        external_id,
        text(&header, "pricelistid"),
        text(&header, "paymentconditionid"),
        date(&header, "issuedate").unwrap_or_else(|| tx.today()),
        code,
        store,
        seller,
        text(&header, "freighttype"),
        number(&header, "freight").unwrap_or(0.0),
        number(&header, "insurance").unwrap_or(0.0),
        number(&header, "expenses").unwrap_or(0.0),
        discount,
        number(&header, "currencyid").unwrap_or(1.0),
        text(&header, "carriercode"),
        text(&header, "releasetype"),
        text(&header, "notemessage"),
        text(&header, "ordercomment"),
        stamp,
    ];
    if op == Operation::Insert {
        tx.conn.execute(
            "INSERT INTO orders(orderid, externalid, pricelistid, paymentconditionid, issuedate, clientid, storeid,
                sellerid, freighttype, freight, insurance, expenses, discount, currencyid, carriercode, releasetype,
                notemessage, ordercomment, stamp, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 'TGV.SALESORDER')",
            values,
        )?;
    } else {
        // The issue date is kept on update (§10.2).
        tx.conn.execute(
            "UPDATE orders SET externalid = CASE WHEN ?2 = '' THEN externalid ELSE ?2 END, pricelistid = ?3,
                paymentconditionid = ?4, clientid = ?6, storeid = ?7, sellerid = ?8, freighttype = ?9, freight = ?10,
                insurance = ?11, expenses = ?12, discount = ?13, currencyid = ?14, carriercode = ?15,
                releasetype = ?16, notemessage = ?17, ordercomment = ?18, stamp = ?19,
                liberok = '', block = '', creditblock = ''
             WHERE orderid = ?1 AND ?5 = ?5",
            values,
        )?;
    }
    for r in removed {
        tx.conn.execute(
            "UPDATE order_items SET deleted = 1, stamp = ?1 WHERE orderid = ?2 AND itemid = ?3",
            params![stamp, id, text(r, "itemid")],
        )?;
    }
    let operation_type = text(&header, "typeofoperation");
    for l in &lines {
        let amount = round2(l.quantity * l.unit_price);
        tx.conn.execute(
            "INSERT INTO order_items(orderid, itemid, productid, description, quantity, pricelist, unitprice, amount,
                discount, discountamount, outflowtype, customerorder, deliverydate, operationtype, stamp, deleted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 0)
             ON CONFLICT(orderid, itemid) DO UPDATE SET productid = excluded.productid,
                description = excluded.description, quantity = excluded.quantity, pricelist = excluded.pricelist,
                unitprice = excluded.unitprice, amount = excluded.amount, discount = excluded.discount,
                discountamount = excluded.discountamount, outflowtype = excluded.outflowtype,
                customerorder = excluded.customerorder, deliverydate = excluded.deliverydate,
                operationtype = excluded.operationtype, stamp = excluded.stamp, deleted = 0",
            params![
                id,
                l.itemid,
                l.product,
                l.description,
                l.quantity,
                l.list_price,
                l.unit_price,
                amount,
                l.discount,
                round2((l.list_price - l.unit_price).max(0.0) * l.quantity),
                l.outflow,
                l.customer_order,
                l.delivery,
                operation_type,
                stamp
            ],
        )?;
    }
    // Credit: the customer's available balance already counts this order (it is not invoiced).
    let credit_blocked = credit_balance(tx, &code, &store)? < 0.0;
    tx.conn.execute(
        "UPDATE orders SET liberok = 'S', creditblock = ?1 WHERE orderid = ?2",
        params![if credit_blocked { "01" } else { "" }, id],
    )?;
    add_accepted_to_filter(tx, seller, Routine::Order, &id)?;
    Ok(Done { number: id, operation: op, credit_blocked })
}

fn quotation(tx: &Tx, operation: Operation, seller: &str, external_id: &str, body: &Value) -> Result<Done, Failure> {
    let header = body.get("header").cloned().unwrap_or(Value::Null);
    let mine = |id: &str| -> Result<bool, Failure> {
        Ok(tx.conn.query_row(
            "SELECT count(*) > 0 FROM quotations_view WHERE budgetid = ?1 AND deleted = 0
               AND ?2 IN (customervendor, CASE WHEN customerid || customerstore = ?3 THEN prospectvendor END)",
            params![id, seller, DEFAULT_QUOTATION_CUSTOMER],
            |r| r.get(0),
        )?)
    };
    let asked = text(&header, "budgetid");
    let target: Option<String> = if !asked.is_empty() {
        if !mine(&asked)? {
            return refuse(format!("Orçamento {asked} não localizado para o vendedor {seller}.")).map_err(Into::into);
        }
        Some(asked)
    } else if external_id.is_empty() {
        None
    } else {
        let found: Option<String> = tx
            .conn
            .query_row(
                "SELECT budgetid FROM quotations WHERE externalid = ?1 AND deleted = 0",
                params![external_id],
                |r| r.get(0),
            )
            .optional()?;
        match found {
            Some(id) if mine(&id)? => Some(id),
            Some(_) => return refuse("Identificador externo já utilizado por outro vendedor.").map_err(Into::into),
            None => None,
        }
    };
    if let Some(id) = &target {
        let status: String =
            tx.conn.query_row("SELECT status FROM quotations WHERE budgetid = ?1", params![id], |r| r.get(0))?;
        if status != "A" {
            let what = if operation == Operation::Delete { "excluído" } else { "alterado" };
            return refuse(format!("Orçamento {id} com status {status} não pode ser {what}.")).map_err(Into::into);
        }
    }
    if operation == Operation::Delete {
        let Some(id) = target else {
            return refuse(format!("Orçamento com identificador {external_id} não localizado.")).map_err(Into::into);
        };
        let stamp = tx.stamp();
        tx.conn.execute("UPDATE quotations SET deleted = 1, stamp = ?1 WHERE budgetid = ?2", params![stamp, id])?;
        tx.conn
            .execute("UPDATE quotation_items SET deleted = 1, stamp = ?1 WHERE budgetid = ?2", params![stamp, id])?;
        return Ok(Done { number: id, operation, credit_blocked: false });
    }

    let (prospect, prospect_store) = (text(&header, "prospectid"), text(&header, "prospectstore"));
    let (mut code, mut store) = (text(&header, "customerid"), text(&header, "customerstore"));
    if !prospect.is_empty() {
        let owner: Option<String> = tx
            .conn
            .query_row(
                "SELECT vendor FROM prospects WHERE code = ?1 AND store = ?2 AND deleted = 0",
                params![prospect, prospect_store],
                |r| r.get(0),
            )
            .optional()?;
        match owner {
            Some(v) if v == seller => {}
            Some(_) => {
                return refuse(format!("Prospect {prospect}/{prospect_store} não pertence ao vendedor {seller}."))
                    .map_err(Into::into)
            }
            None => {
                return refuse(format!("Prospect {prospect}/{prospect_store} não cadastrado (REGNOIS)."))
                    .map_err(Into::into)
            }
        }
        if code.is_empty() {
            (code, store) = (DEFAULT_QUOTATION_CUSTOMER[..6].to_string(), DEFAULT_QUOTATION_CUSTOMER[6..].to_string());
        }
    }
    check_customer(tx, seller, &code, &store, Routine::Quotation)?;
    if format!("{code}{store}") == DEFAULT_QUOTATION_CUSTOMER && prospect.is_empty() {
        return refuse("Informe o prospect do orçamento para o cliente padrão.").map_err(Into::into);
    }
    check_reference(tx, &header)?;
    let items: Vec<&Value> =
        body.get("items").and_then(Value::as_array).map(|v| v.iter().collect()).unwrap_or_default();
    let (live, removed): (Vec<&Value>, Vec<&Value>) = items.into_iter().partition(|i| !is_deleted(i));
    let last_item: String = match &target {
        Some(id) => tx.conn.query_row(
            "SELECT coalesce(max(itemid), '') FROM quotation_items WHERE budgetid = ?1",
            params![id],
            |r| r.get(0),
        )?,
        None => String::new(),
    };
    let lines = check_lines(tx, &live, &last_item).map_err(|f| match f {
        Failure::Refused(Refused(m)) => Failure::Refused(Refused(m.replace("A410VZ", "A415VZ").replace("C6_", "CK_"))),
        other => other,
    })?;
    if lines.is_empty() && target.is_none() {
        return refuse("A415VZ - O orçamento não possui itens.").map_err(Into::into);
    }
    let stamp = tx.stamp();
    let (id, op) = match &target {
        Some(id) => (id.clone(), Operation::Update),
        None => (next_number(tx, "quotation", 6)?, Operation::Insert),
    };
    let values = params![
        id,
        external_id,
        text(&header, "pricelistid"),
        text(&header, "paymentconditionid"),
        code,
        store,
        prospect,
        prospect_store,
        date(&header, "issuedate").unwrap_or_else(|| tx.today()),
        text(&header, "freighttype"),
        number(&header, "freight").unwrap_or(0.0),
        number(&header, "insurance").unwrap_or(0.0),
        number(&header, "expenses").unwrap_or(0.0),
        number(&header, "discount").unwrap_or(0.0),
        number(&header, "currencyid").unwrap_or(1.0),
        text(&header, "customertype"),
        seller,
        stamp,
    ];
    if op == Operation::Insert {
        tx.conn.execute(
            "INSERT INTO quotations(budgetid, externalid, pricelistid, paymentconditionid, customerid, customerstore,
                prospectid, prospectstore, issuedate, freighttype, freight, insurance, expenses, discount, currencyid,
                customertype, sellerid, stamp, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 'A')",
            values,
        )?;
    } else {
        tx.conn.execute(
            "UPDATE quotations SET externalid = CASE WHEN ?2 = '' THEN externalid ELSE ?2 END, pricelistid = ?3,
                paymentconditionid = ?4, customerid = ?5, customerstore = ?6, prospectid = ?7, prospectstore = ?8,
                freighttype = ?10, freight = ?11, insurance = ?12, expenses = ?13, discount = ?14, currencyid = ?15,
                customertype = ?16, stamp = ?18
             WHERE budgetid = ?1 AND ?9 = ?9 AND ?17 = ?17",
            values,
        )?;
    }
    for r in removed {
        tx.conn.execute(
            "UPDATE quotation_items SET deleted = 1, stamp = ?1 WHERE budgetid = ?2 AND itemid = ?3",
            params![stamp, id, text(r, "itemid")],
        )?;
    }
    let operation_type = text(&header, "typeofoperation");
    for l in &lines {
        tx.conn.execute(
            "INSERT INTO quotation_items(budgetid, itemid, productid, description, quantity, pricelist, unitprice,
                amount, discount, discountamount, outflowtype, operationtype, stamp, deleted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0)
             ON CONFLICT(budgetid, itemid) DO UPDATE SET productid = excluded.productid,
                description = excluded.description, quantity = excluded.quantity, pricelist = excluded.pricelist,
                unitprice = excluded.unitprice, amount = excluded.amount, discount = excluded.discount,
                discountamount = excluded.discountamount, outflowtype = excluded.outflowtype,
                operationtype = excluded.operationtype, stamp = excluded.stamp, deleted = 0",
            params![
                id,
                l.itemid,
                l.product,
                l.description,
                l.quantity,
                l.list_price,
                l.unit_price,
                round2(l.quantity * l.unit_price),
                l.discount,
                round2((l.list_price - l.unit_price).max(0.0) * l.quantity),
                l.outflow,
                operation_type,
                stamp
            ],
        )?;
    }
    add_accepted_to_filter(tx, seller, Routine::Quotation, &id)?;
    Ok(Done { number: id, operation: op, credit_blocked: false })
}

/// The ERP puts a document it accepted, and its live lines, into the seller's filter for
/// today, so the next documents sync returns them (§10.4).
fn add_accepted_to_filter(tx: &Tx, seller: &str, routine: Routine, number: &str) -> Result<(), Failure> {
    let (header_schema, item_schema, items_sql) = match routine {
        Routine::Order => (
            schema::ORDERS,
            schema::ORDER_ITEMS,
            "SELECT orderid || itemid || productid FROM order_items WHERE orderid = ?1 AND deleted = 0",
        ),
        Routine::Quotation => (
            schema::QUOTATIONS,
            schema::QUOTATION_ITEMS,
            "SELECT budgetid || itemid || productid FROM quotation_items WHERE budgetid = ?1 AND deleted = 0",
        ),
    };
    add_to_todays_filter(tx, seller, header_schema, number)?;
    let keys: Vec<String> = tx
        .conn
        .prepare_cached(items_sql)?
        .query_map(params![number], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for k in keys {
        add_to_todays_filter(tx, seller, item_schema, &k)?;
    }
    Ok(())
}

/// The notification the ERP writes after a run (§10.4, §12): title, description, movement.
pub fn notice(routine: Routine, asked: Operation, external_id: &str, outcome: &Outcome) -> (String, String, i64) {
    let (doc, doc_title, base) = match routine {
        Routine::Order => ("Pedido", "Pedido de venda", 7),
        Routine::Quotation => ("Orçamento", "Orçamento", 11),
    };
    match outcome {
        Ok(done) => {
            let (verb, offset) = match done.operation {
                Operation::Insert => ("incluído", 0),
                Operation::Update => ("alterado", 1),
                Operation::Delete => ("excluído", 2),
            };
            let mut description = format!("{doc} {} foi integrado com sucesso.", done.number);
            if done.credit_blocked {
                description.push_str(" Bloqueado por crédito: aguarda liberação financeira.");
            }
            (format!("{doc} {verb} com sucesso: {}", done.number), description, base + offset)
        }
        Err(Refused(reason)) => {
            let title = match asked {
                Operation::Insert => format!("Falha ao incluir {doc_title}"),
                Operation::Update => format!("Falha ao Alterar {doc_title}: {external_id}"),
                Operation::Delete => format!("Falha ao Excluir {doc_title}: {external_id}"),
            };
            (title, format!("{} {external_id}\r\n{reason}", routine.noun()), base + 3)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn item_numbers_follow_soma1() {
        assert_eq!(mascate_domain::document::next_item_id(""), "01");
        assert_eq!(mascate_domain::document::next_item_id("09"), "0A");
        assert_eq!(mascate_domain::document::next_item_id("0Z"), "10");
        assert_eq!(mascate_domain::document::next_item_id("98"), "99");
        assert_eq!(mascate_domain::document::next_item_id("99"), "9A");
    }

    #[test]
    fn lenient_values() {
        let v = json!({"q": "2,5", "n": 3, "d": "2026-1-5", "bad": "2026-13-01", "t": "ABC   "});
        assert_eq!(number(&v, "q"), Some(2.5));
        assert_eq!(number(&v, "n"), Some(3.0));
        assert_eq!(number(&v, "t"), None);
        assert_eq!(date(&v, "d").as_deref(), Some("2026-01-05"));
        assert_eq!(date(&v, "bad"), None);
        assert_eq!(text(&v, "t"), "ABC");
    }

    #[test]
    fn notices_read_like_protheus() {
        let ok = Ok(Done { number: "000123".into(), operation: Operation::Insert, credit_blocked: false });
        let (title, desc, mov) = notice(Routine::Order, Operation::Insert, "X-1", &ok);
        assert_eq!((title.as_str(), mov), ("Pedido incluído com sucesso: 000123", 7));
        assert_eq!(desc, "Pedido 000123 foi integrado com sucesso.");
        let bad = Err(Refused("A410VZ - ...".into()));
        let (title, desc, mov) = notice(Routine::Quotation, Operation::Insert, "X-2", &bad);
        assert_eq!((title.as_str(), mov), ("Falha ao incluir Orçamento", 14));
        assert_eq!(desc, "ORÇAMENTO X-2\r\nA410VZ - ...");
    }
}
