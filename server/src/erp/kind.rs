//! What differs between an order (MATA410, `SC5`/`SC6`) and a quotation (MATA415,
//! `SCJ`/`SCK`), as data: tables, numbering, words, the SQL that writes each. The engine
//! runs one flow over this descriptor, as `Entity` does for listings.

use mascate_domain::contract::{schema, DocumentHeader};

/// A document routine's tables, words and statements. Statements use named parameters:
/// `:number`, `:seller`, `:stamp` and the header's and lines' fields.
#[derive(Debug)]
pub struct Kind {
    /// `orders` / `quotations`.
    pub table: &'static str,
    /// `order_items` / `quotation_items`.
    pub items: &'static str,
    /// The number column: `orderid` / `budgetid`.
    pub key: &'static str,
    /// The sequence the numbers come from.
    pub sequence: &'static str,
    /// `Pedido` / `Orçamento`.
    pub noun: &'static str,
    /// The help of a blank mandatory field: `A410VZ` / `A415VZ`.
    pub help: &'static str,
    /// The items' field prefix: `C6_` / `CK_`.
    pub item_prefix: &'static str,
    /// The seller filter schemas the ERP adds an accepted document and its lines to.
    pub header_schema: &'static str,
    pub item_schema: &'static str,
    /// True for a live document of `:number` that `:seller` may change.
    pub owned: &'static str,
    pub insert: &'static str,
    pub update: &'static str,
    pub upsert_line: &'static str,
}

impl Kind {
    /// The number the header asks to change, if any.
    pub fn asked<'a>(&self, header: &'a DocumentHeader) -> &'a str {
        let asked = if std::ptr::eq(self, &ORDER) { &header.order_id } else { &header.budget_id };
        asked.as_deref().map(str::trim).unwrap_or("")
    }

    pub fn is_order(&self) -> bool {
        std::ptr::eq(self, &ORDER)
    }
}

pub static ORDER: Kind = Kind {
    table: "orders",
    items: "order_items",
    key: "orderid",
    sequence: "order",
    noun: "Pedido",
    help: "A410VZ",
    item_prefix: "C6_",
    header_schema: schema::ORDERS,
    item_schema: schema::ORDER_ITEMS,
    owned: "SELECT 1 FROM orders WHERE orderid = :number AND deleted = 0 AND sellerid = :seller",
    insert: "INSERT INTO orders(orderid, externalid, pricelistid, paymentconditionid, issuedate, clientid, storeid,
                sellerid, freighttype, freight, insurance, expenses, discount, currencyid, carriercode, releasetype,
                notemessage, ordercomment, stamp, origin)
             VALUES (:number, :external, :price_list, :payment, :issue_date, :customer, :store, :seller,
                :freight_type, :freight, :insurance, :expenses, :discount, :currency, :carrier, :release_type,
                :note, :comment, :stamp, 'TGV.SALESORDER')",
    // The issue date is kept on update (§10.2); a change clears the release and the blocks.
    update: "UPDATE orders SET externalid = CASE WHEN :external = '' THEN externalid ELSE :external END,
                pricelistid = :price_list, paymentconditionid = :payment, clientid = :customer, storeid = :store,
                freighttype = :freight_type, freight = :freight, insurance = :insurance, expenses = :expenses,
                discount = :discount, currencyid = :currency, carriercode = :carrier, releasetype = :release_type,
                notemessage = :note, ordercomment = :comment, stamp = :stamp, liberok = '', block = '',
                creditblock = ''
             WHERE orderid = :number",
    upsert_line: "INSERT INTO order_items(orderid, itemid, productid, description, quantity, pricelist, unitprice,
                amount, discount, discountamount, outflowtype, customerorder, deliverydate, operationtype, stamp,
                deleted)
             VALUES (:number, :item, :product, :description, :quantity, :list_price, :unit_price, :amount,
                :discount, :discount_amount, :outflow, :customer_order, :delivery, :operation_type, :stamp, 0)
             ON CONFLICT(orderid, itemid) DO UPDATE SET productid = excluded.productid,
                description = excluded.description, quantity = excluded.quantity, pricelist = excluded.pricelist,
                unitprice = excluded.unitprice, amount = excluded.amount, discount = excluded.discount,
                discountamount = excluded.discountamount, outflowtype = excluded.outflowtype,
                customerorder = excluded.customerorder, deliverydate = excluded.deliverydate,
                operationtype = excluded.operationtype, stamp = excluded.stamp, deleted = 0",
};

pub static QUOTATION: Kind = Kind {
    table: "quotations",
    items: "quotation_items",
    key: "budgetid",
    sequence: "quotation",
    noun: "Orçamento",
    help: "A415VZ",
    item_prefix: "CK_",
    header_schema: schema::QUOTATIONS,
    item_schema: schema::QUOTATION_ITEMS,
    // A quotation belongs to its customer's seller, or to its prospect's for the default
    // quotation customer (§10.1).
    owned: "SELECT 1 FROM quotations_view WHERE budgetid = :number AND deleted = 0
               AND :seller IN (customervendor, CASE WHEN customerid || customerstore = :default_customer
                                                     THEN prospectvendor END)",
    insert: "INSERT INTO quotations(budgetid, externalid, pricelistid, paymentconditionid, customerid,
                customerstore, prospectid, prospectstore, issuedate, freighttype, freight, insurance, expenses,
                discount, currencyid, customertype, sellerid, stamp, status)
             VALUES (:number, :external, :price_list, :payment, :customer, :store, :prospect, :prospect_store,
                :issue_date, :freight_type, :freight, :insurance, :expenses, :discount, :currency,
                :customer_type, :seller, :stamp, 'A')",
    update: "UPDATE quotations SET externalid = CASE WHEN :external = '' THEN externalid ELSE :external END,
                pricelistid = :price_list, paymentconditionid = :payment, customerid = :customer,
                customerstore = :store, prospectid = :prospect, prospectstore = :prospect_store,
                freighttype = :freight_type, freight = :freight, insurance = :insurance, expenses = :expenses,
                discount = :discount, currencyid = :currency, customertype = :customer_type, stamp = :stamp
             WHERE budgetid = :number",
    upsert_line: "INSERT INTO quotation_items(budgetid, itemid, productid, description, quantity, pricelist,
                unitprice, amount, discount, discountamount, outflowtype, operationtype, stamp, deleted)
             VALUES (:number, :item, :product, :description, :quantity, :list_price, :unit_price, :amount,
                :discount, :discount_amount, :outflow, :operation_type, :stamp, 0)
             ON CONFLICT(budgetid, itemid) DO UPDATE SET productid = excluded.productid,
                description = excluded.description, quantity = excluded.quantity, pricelist = excluded.pricelist,
                unitprice = excluded.unitprice, amount = excluded.amount, discount = excluded.discount,
                discountamount = excluded.discountamount, outflowtype = excluded.outflowtype,
                operationtype = excluded.operationtype, stamp = excluded.stamp, deleted = 0",
};
