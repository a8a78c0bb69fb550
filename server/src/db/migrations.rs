//! The schema, as the versions a database file goes through.

/// Schema versions, applied in order; `PRAGMA user_version` remembers how far a file got.
pub const MIGRATIONS: &[&str] = &[
    // 1: users, sellers, tokens, customers, seller filters.
    r#"
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE users (
        user_id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0,
        can_access_protected_data INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE sellers (
        code TEXT PRIMARY KEY,
        branchid TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        shortname TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        intercallcode TEXT NOT NULL DEFAULT '',
        areacode TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        cellphone TEXT NOT NULL DEFAULT '',
        user_id TEXT UNIQUE REFERENCES users(user_id)
    );
    CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
        user_id TEXT NOT NULL REFERENCES users(user_id),
        expires_at INTEGER NOT NULL
    );
    CREATE INDEX tokens_expiry ON tokens(expires_at);
    CREATE TABLE customers (
        branch TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL,
        store TEXT NOT NULL,
        id TEXT GENERATED ALWAYS AS (branch || code || store) VIRTUAL,
        name TEXT NOT NULL DEFAULT '',
        fantasy TEXT NOT NULL DEFAULT '',
        municipalregistration TEXT NOT NULL DEFAULT '',
        estadualregistration TEXT NOT NULL DEFAULT '',
        customertype TEXT NOT NULL DEFAULT '',
        persontype TEXT NOT NULL DEFAULT '',
        cgc TEXT NOT NULL DEFAULT '',
        paymentconditions TEXT NOT NULL DEFAULT '',
        paymentconditioninternalid TEXT NOT NULL DEFAULT '',
        pricelist TEXT NOT NULL DEFAULT '',
        pricelistinternalid TEXT NOT NULL DEFAULT '',
        cnae TEXT NOT NULL DEFAULT '',
        vendor TEXT NOT NULL DEFAULT '',
        citycode TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        neighborhood TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        addresscomplement TEXT NOT NULL DEFAULT '',
        zipcode TEXT NOT NULL DEFAULT '',
        uf TEXT NOT NULL DEFAULT '',
        ufdescription TEXT NOT NULL DEFAULT '',
        ddi TEXT NOT NULL DEFAULT '',
        ddd TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        countrydescription TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        risk TEXT NOT NULL DEFAULT '',
        creditlimit REAL NOT NULL DEFAULT 0,
        lastpurchase TEXT NOT NULL DEFAULT '',
        inclusiondate TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '2',
        freighttype TEXT NOT NULL DEFAULT '',
        carrier TEXT NOT NULL DEFAULT '',
        carrierinternalid TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (code, store)
    );
    CREATE INDEX customers_by_vendor ON customers(vendor, name);
    CREATE INDEX customers_by_stamp ON customers(stamp);
    CREATE TABLE seller_filters (
        uuid TEXT PRIMARY KEY,
        branchid TEXT NOT NULL DEFAULT '',
        sellerid TEXT NOT NULL,
        schemaid TEXT NOT NULL,
        inclusiondate TEXT NOT NULL,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX seller_filters_one_a_day
        ON seller_filters(sellerid, schemaid, inclusiondate) WHERE deleted = 0;
    CREATE TABLE seller_filter_items (
        filter_uuid TEXT NOT NULL REFERENCES seller_filters(uuid),
        uuid TEXT NOT NULL,
        itemid TEXT NOT NULL,
        entityid TEXT NOT NULL,
        PRIMARY KEY (filter_uuid, itemid),
        UNIQUE (filter_uuid, entityid)
    );
    CREATE INDEX seller_filter_items_by_entity ON seller_filter_items(entityid);
    "#,
    // 2: the catalogue (products, stock, price lists) and the reference tables, prospects.
    r#"
    CREATE TABLE product_groups (code TEXT PRIMARY KEY, description TEXT NOT NULL);
    CREATE TABLE warehouses (code TEXT PRIMARY KEY, description TEXT NOT NULL);
    CREATE TABLE products (
        branchid TEXT NOT NULL DEFAULT '',
        code TEXT PRIMARY KEY,
        internalid TEXT GENERATED ALWAYS AS (branchid || code) VIRTUAL,
        description TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL DEFAULT 'ME',
        price REAL NOT NULL DEFAULT 0,
        active TEXT NOT NULL DEFAULT 'S',
        status TEXT NOT NULL DEFAULT '2',
        standardwarehouse TEXT NOT NULL DEFAULT '01',
        measureunit TEXT NOT NULL DEFAULT 'UN',
        productimage TEXT NOT NULL DEFAULT '',
        productgroup TEXT NOT NULL DEFAULT '',
        outflowtype TEXT NOT NULL DEFAULT '',
        ipi REAL NOT NULL DEFAULT 0,
        icmsst TEXT NOT NULL DEFAULT 'N',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX products_by_stamp ON products(stamp);
    CREATE VIEW products_view AS
        SELECT p.*, coalesce(g.description, '') AS groupdescription
        FROM products p LEFT JOIN product_groups g ON g.code = p.productgroup;
    CREATE TABLE stock (
        code TEXT NOT NULL REFERENCES products(code),
        warehouse TEXT NOT NULL REFERENCES warehouses(code),
        onhand REAL NOT NULL DEFAULT 0,
        reserved REAL NOT NULL DEFAULT 0,
        allocatedquantity REAL NOT NULL DEFAULT 0,
        orderquantity REAL NOT NULL DEFAULT 0,
        expectedinflow REAL NOT NULL DEFAULT 0,
        stamp INTEGER NOT NULL,
        PRIMARY KEY (code, warehouse)
    );
    CREATE INDEX stock_by_stamp ON stock(stamp);
    CREATE VIEW product_balance_view AS
        SELECT p.branchid || s.code AS internalid, p.branchid AS branchid, s.code AS code,
               p.description AS description, s.warehouse AS warehouse, w.description AS warehousedescription,
               s.onhand - s.reserved - s.allocatedquantity AS availablequantity,
               s.orderquantity AS orderquantity, s.allocatedquantity AS allocatedquantity,
               s.expectedinflow AS expectedinflow, p.deleted AS deleted, s.stamp AS stamp
        FROM stock s JOIN products p ON p.code = s.code JOIN warehouses w ON w.code = s.warehouse;
    CREATE TABLE price_lists (
        branchid TEXT NOT NULL DEFAULT '',
        code TEXT PRIMARY KEY,
        internalid TEXT GENERATED ALWAYS AS (branchid || code) VIRTUAL,
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '1',
        inicialdate TEXT NOT NULL DEFAULT '',
        finaldate TEXT NOT NULL DEFAULT '',
        paymentcondition TEXT NOT NULL DEFAULT '',
        inicialtime TEXT NOT NULL DEFAULT '',
        finaltime TEXT NOT NULL DEFAULT '',
        timetype TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE price_list_items (
        branchid TEXT NOT NULL DEFAULT '',
        pricelist TEXT NOT NULL REFERENCES price_lists(code),
        item TEXT NOT NULL,
        internalid TEXT GENERATED ALWAYS AS (branchid || pricelist || item) VIRTUAL,
        headerid TEXT GENERATED ALWAYS AS (branchid || pricelist) VIRTUAL,
        product TEXT NOT NULL REFERENCES products(code),
        salesprice REAL NOT NULL DEFAULT 0,
        validity TEXT NOT NULL DEFAULT '',
        productgroup TEXT NOT NULL DEFAULT '',
        discountvalue REAL NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (pricelist, item),
        UNIQUE (pricelist, product)
    );
    CREATE INDEX price_list_items_by_product ON price_list_items(product);
    CREATE INDEX price_list_items_by_stamp ON price_list_items(stamp);
    CREATE VIEW price_list_items_view AS
        SELECT i.*, coalesce(p.price, 0) AS baseprice FROM price_list_items i LEFT JOIN products p ON p.code = i.product;
    CREATE TABLE payment_conditions (
        branchid TEXT NOT NULL DEFAULT '',
        paymentcode TEXT PRIMARY KEY,
        internalid TEXT GENERATED ALWAYS AS (branchid || paymentcode) VIRTUAL,
        paymentdescription TEXT NOT NULL DEFAULT '',
        condition TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '2',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE carriers (
        branchid TEXT NOT NULL DEFAULT '',
        code TEXT PRIMARY KEY,
        internalid TEXT GENERATED ALWAYS AS (branchid || code) VIRTUAL,
        name TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '2',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE operation_types (operationtypeid TEXT PRIMARY KEY, description TEXT NOT NULL);
    CREATE TABLE prospects (
        branch TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL,
        store TEXT NOT NULL,
        internalid TEXT GENERATED ALWAYS AS (branch || code || store) VIRTUAL,
        name TEXT NOT NULL DEFAULT '',
        fantasy TEXT NOT NULL DEFAULT '',
        prospecttype TEXT NOT NULL DEFAULT '',
        cgc TEXT NOT NULL DEFAULT '',
        cnae TEXT NOT NULL DEFAULT '',
        vendor TEXT NOT NULL DEFAULT '',
        citycode TEXT NOT NULL DEFAULT '',
        persontype TEXT NOT NULL DEFAULT '',
        estadualregistration TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        neighborhood TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        zipcode TEXT NOT NULL DEFAULT '',
        uf TEXT NOT NULL DEFAULT '',
        ddi TEXT NOT NULL DEFAULT '',
        ddd TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        creditlimit REAL NOT NULL DEFAULT 0,
        inclusiondate TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '2',
        currentstatus TEXT NOT NULL DEFAULT '1',
        customercode TEXT NOT NULL DEFAULT '',
        customerstore TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (code, store)
    );
    CREATE INDEX prospects_by_vendor ON prospects(vendor);
    CREATE INDEX prospects_by_stamp ON prospects(stamp);
    CREATE TABLE orders (
        branchid TEXT NOT NULL DEFAULT '',
        orderid TEXT PRIMARY KEY,
        externalid TEXT NOT NULL DEFAULT '',
        ordertype TEXT NOT NULL DEFAULT 'N',
        pricelistid TEXT NOT NULL DEFAULT '',
        paymentconditionid TEXT NOT NULL DEFAULT '',
        issuedate TEXT NOT NULL,
        clientid TEXT NOT NULL,
        storeid TEXT NOT NULL,
        sellerid TEXT NOT NULL,
        freighttype TEXT NOT NULL DEFAULT '',
        freight REAL NOT NULL DEFAULT 0,
        insurance REAL NOT NULL DEFAULT 0,
        expenses REAL NOT NULL DEFAULT 0,
        discount REAL NOT NULL DEFAULT 0,
        currencyid REAL NOT NULL DEFAULT 1,
        carriercode TEXT NOT NULL DEFAULT '',
        releasetype TEXT NOT NULL DEFAULT '',
        notemessage TEXT NOT NULL DEFAULT '',
        ordercomment TEXT NOT NULL DEFAULT '',
        intermediaryid TEXT NOT NULL DEFAULT '',
        purchaserpresence TEXT NOT NULL DEFAULT '',
        liberok TEXT NOT NULL DEFAULT '',
        invoice TEXT NOT NULL DEFAULT '',
        block TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX orders_by_seller ON orders(sellerid, issuedate);
    CREATE INDEX orders_by_external ON orders(externalid) WHERE externalid <> '';
    CREATE INDEX orders_by_stamp ON orders(stamp);
    CREATE TABLE order_items (
        orderid TEXT NOT NULL REFERENCES orders(orderid),
        itemid TEXT NOT NULL,
        productid TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        quantity REAL NOT NULL DEFAULT 0,
        pricelist REAL NOT NULL DEFAULT 0,
        unitprice REAL NOT NULL DEFAULT 0,
        amount REAL NOT NULL DEFAULT 0,
        discount REAL NOT NULL DEFAULT 0,
        discountamount REAL NOT NULL DEFAULT 0,
        quantitydelivered REAL NOT NULL DEFAULT 0,
        blockstatus TEXT NOT NULL DEFAULT '',
        outflowtype TEXT NOT NULL DEFAULT '',
        fiscalcode TEXT NOT NULL DEFAULT '',
        customerorder TEXT NOT NULL DEFAULT '',
        deliverydate TEXT NOT NULL DEFAULT '',
        operationtype TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (orderid, itemid)
    );
    CREATE INDEX order_items_by_product ON order_items(productid);
    CREATE INDEX order_items_by_stamp ON order_items(stamp);
    CREATE TABLE quotations (
        branchid TEXT NOT NULL DEFAULT '',
        budgetid TEXT PRIMARY KEY,
        externalid TEXT NOT NULL DEFAULT '',
        pricelistid TEXT NOT NULL DEFAULT '',
        paymentconditionid TEXT NOT NULL DEFAULT '',
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        prospectid TEXT NOT NULL DEFAULT '',
        prospectstore TEXT NOT NULL DEFAULT '',
        issuedate TEXT NOT NULL,
        freighttype TEXT NOT NULL DEFAULT '',
        freight REAL NOT NULL DEFAULT 0,
        insurance REAL NOT NULL DEFAULT 0,
        expenses REAL NOT NULL DEFAULT 0,
        discount REAL NOT NULL DEFAULT 0,
        currencyid REAL NOT NULL DEFAULT 1,
        releasetype TEXT NOT NULL DEFAULT '',
        customertype TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'A',
        businessproposal TEXT NOT NULL DEFAULT '',
        sellerid TEXT NOT NULL DEFAULT '',
        orderid TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX quotations_by_customer ON quotations(customerid, customerstore);
    CREATE INDEX quotations_by_external ON quotations(externalid) WHERE externalid <> '';
    CREATE INDEX quotations_by_stamp ON quotations(stamp);
    CREATE TABLE quotation_items (
        budgetid TEXT NOT NULL REFERENCES quotations(budgetid),
        itemid TEXT NOT NULL,
        productid TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        quantity REAL NOT NULL DEFAULT 0,
        pricelist REAL NOT NULL DEFAULT 0,
        unitprice REAL NOT NULL DEFAULT 0,
        amount REAL NOT NULL DEFAULT 0,
        discount REAL NOT NULL DEFAULT 0,
        discountamount REAL NOT NULL DEFAULT 0,
        outflowtype TEXT NOT NULL DEFAULT '',
        operationtype TEXT NOT NULL DEFAULT '',
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (budgetid, itemid)
    );
    CREATE INDEX quotation_items_by_stamp ON quotation_items(stamp);
    "#,
    // 3: what the ERP computes around orders: credit blocks, invoices, receivables,
    // notifications, the integration queue, and document numbering.
    r#"
    ALTER TABLE orders ADD COLUMN creditblock TEXT NOT NULL DEFAULT '';
    CREATE TABLE invoices (
        branch TEXT NOT NULL DEFAULT '',
        invoice TEXT NOT NULL,
        serie TEXT NOT NULL DEFAULT '1',
        orderid TEXT NOT NULL REFERENCES orders(orderid),
        issuedate TEXT NOT NULL,
        amount REAL NOT NULL DEFAULT 0,
        quantity REAL NOT NULL DEFAULT 0,
        invoicetype TEXT NOT NULL DEFAULT 'SPED',
        invoicecele TEXT NOT NULL DEFAULT '',
        invoicekey TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (invoice, serie)
    );
    CREATE INDEX invoices_by_order ON invoices(orderid);
    CREATE INDEX invoices_by_date ON invoices(issuedate);
    CREATE TABLE bills (
        branchid TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '1',
        titlecode TEXT NOT NULL,
        installment TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL DEFAULT 'NF',
        id TEXT GENERATED ALWAYS AS (branchid || prefix || titlecode || installment || type) VIRTUAL,
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        billvalue REAL NOT NULL DEFAULT 0,
        titlebalance REAL NOT NULL DEFAULT 0,
        writeoffnetvalue REAL NOT NULL DEFAULT 0,
        installmentmaturity TEXT NOT NULL,
        originalmaturity TEXT NOT NULL,
        issuedate TEXT NOT NULL,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (prefix, titlecode, installment, type)
    );
    CREATE INDEX bills_by_customer ON bills(customerid, customerstore);
    CREATE TABLE notifications (
        branch TEXT NOT NULL DEFAULT '',
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL DEFAULT '1',
        userid TEXT NOT NULL,
        notificationdate TEXT NOT NULL,
        notificationtime TEXT NOT NULL,
        notificationstatus TEXT NOT NULL DEFAULT '1',
        movimentationstatus REAL NOT NULL DEFAULT 0,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX notifications_by_user ON notifications(userid, notificationstatus);
    CREATE INDEX notifications_by_stamp ON notifications(stamp);
    CREATE TABLE integration_queue (
        branchid TEXT NOT NULL DEFAULT '',
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL DEFAULT '0',
        json TEXT NOT NULL,
        jsonerror TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        operation TEXT NOT NULL DEFAULT '3',
        userid TEXT NOT NULL DEFAULT '',
        sellerid TEXT NOT NULL DEFAULT '',
        received_at INTEGER NOT NULL,
        processing_at INTEGER,
        processed_at INTEGER,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX integration_queue_waiting ON integration_queue(status, received_at);
    CREATE INDEX integration_queue_by_stamp ON integration_queue(stamp);
    CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    "#,
    // 4: the read shapes of orders and quotations (§9.1, §9.3, §10.1), computed as the
    // contract describes: amount from live items, status from the release flags, STAMP as the
    // newer of the header and its first item.
    r#"
    CREATE VIEW orders_view AS
        SELECT o.branchid || o.orderid AS internalid, o.externalid, o.branchid, o.orderid, o.ordertype,
               o.pricelistid, o.paymentconditionid AS paymentConditionid,
               '' || o.paymentconditionid AS paymentinternalid, o.issuedate,
               coalesce(c.branch, '') || o.clientid || o.storeid AS customerinternalid,
               o.clientid || o.storeid AS customerid, coalesce(c.name, '') AS customername,
               o.clientid, o.storeid, o.sellerid, o.freighttype, o.freight, o.insurance, o.expenses, o.discount,
               o.currencyid,
               coalesce((SELECT sum(i.amount) FROM order_items i WHERE i.orderid = o.orderid AND i.deleted = 0), 0) AS amount,
               coalesce((SELECT i.operationtype FROM order_items i WHERE i.orderid = o.orderid ORDER BY i.itemid LIMIT 1), '')
                   AS typeofoperation,
               CASE
                   WHEN o.liberok = '' AND o.invoice = '' AND o.block = '' THEN 'A'
                   WHEN o.invoice <> '' OR (o.liberok = 'E' AND o.block = '') THEN 'E'
                   WHEN o.liberok <> '' AND o.invoice = '' AND o.block = '' THEN 'L'
                   WHEN o.block = '1' THEN 'BR'
                   WHEN o.block = '2' THEN 'BV'
                   ELSE ' '
               END AS status,
               CASE WHEN o.creditblock <> '' THEN 'credit' WHEN o.block <> '' THEN 'rule' ELSE '' END AS blockreason,
               o.carriercode, o.releasetype, coalesce(k.name, '') AS carriername, coalesce(s.name, '') AS sellername,
               coalesce(s.email, '') AS selleremail, 0 AS amounttaxes, o.notemessage, o.ordercomment,
               o.intermediaryid, o.purchaserpresence, o.deleted,
               max(o.stamp, coalesce((SELECT i.stamp FROM order_items i WHERE i.orderid = o.orderid ORDER BY i.itemid LIMIT 1), 0))
                   AS stamp
        FROM orders o
        LEFT JOIN customers c ON c.code = o.clientid AND c.store = o.storeid
        LEFT JOIN carriers k ON k.code = o.carriercode
        LEFT JOIN sellers s ON s.code = o.sellerid;
    CREATE VIEW order_items_view AS
        SELECT '' || i.orderid || i.itemid AS internalid, o.branchid || o.orderid AS orderinternalid,
               o.externalid || i.itemid AS externalitemid, o.externalid, o.branchid, i.orderid, i.itemid,
               i.productid, i.description, i.quantity, i.pricelist, i.unitprice, i.amount, i.discount,
               i.discountamount, i.quantitydelivered, i.blockstatus, i.outflowtype, i.fiscalcode, i.customerorder,
               i.deliverydate, '' AS productimage, i.deleted, i.stamp, o.sellerid
        FROM order_items i JOIN orders o ON o.orderid = i.orderid;
    CREATE VIEW quotations_view AS
        SELECT q.branchid || q.budgetid AS internalid, '' || q.paymentconditionid AS paymentinternalid,
               q.branchid, q.budgetid, q.externalid, q.pricelistid, q.paymentconditionid, q.customerid,
               q.customerstore, q.prospectid, q.prospectstore, q.issuedate, q.freighttype, q.freight, q.insurance,
               q.expenses, q.discount, q.currencyid,
               coalesce((SELECT sum(i.amount) FROM quotation_items i WHERE i.budgetid = q.budgetid AND i.deleted = 0), 0) AS amount,
               q.releasetype, q.customertype, q.status, q.businessproposal,
               coalesce((SELECT i.operationtype FROM quotation_items i WHERE i.budgetid = q.budgetid ORDER BY i.itemid LIMIT 1), '')
                   AS typeofoperation,
               coalesce(c.name, '') AS customername, q.orderid, q.deleted,
               max(q.stamp, coalesce((SELECT i.stamp FROM quotation_items i WHERE i.budgetid = q.budgetid ORDER BY i.itemid LIMIT 1), 0))
                   AS stamp,
               coalesce(c.vendor, '') AS customervendor, coalesce(p.vendor, '') AS prospectvendor
        FROM quotations q
        LEFT JOIN customers c ON c.code = q.customerid AND c.store = q.customerstore
        LEFT JOIN prospects p ON p.code = q.prospectid AND p.store = q.prospectstore;
    CREATE VIEW quotation_items_view AS
        SELECT i.budgetid || i.itemid AS internalid, q.branchid || q.budgetid AS budgetinternalid,
               q.externalid || i.itemid AS externalitemid, q.externalid, '' AS branchid, q.branchid AS branchheaderid,
               i.budgetid, q.budgetid AS budgetheaderid, i.itemid, i.productid, i.description, i.quantity,
               i.pricelist, i.unitprice, i.amount, i.discount, i.discountamount, i.outflowtype, '' AS productimage,
               i.deleted, i.stamp
        FROM quotation_items i JOIN quotations q ON q.budgetid = i.budgetid;
    "#,
    // 5: financial reads (§4.3–4.4) and notifications (§12).
    r#"
    CREATE VIEW financial_status_view AS
        SELECT c.branch || c.code || c.store AS id, c.branch, c.code, c.store,
               coalesce((SELECT min(b.originalmaturity) FROM bills b WHERE b.customerid = c.code
                   AND b.customerstore = c.store AND b.titlebalance > 0 AND b.deleted = 0), '') AS oldestdue,
               c.deleted, c.vendor,
               coalesce((SELECT max(b.stamp) FROM bills b WHERE b.customerid = c.code AND b.customerstore = c.store
                   AND b.titlebalance > 0), 0) AS stamp
        FROM customers c;
    CREATE VIEW bills_view AS
        SELECT b.*, CASE WHEN b.writeoffnetvalue > 0 THEN 'P' ELSE 'A' END AS status, c.vendor AS vendor
        FROM bills b LEFT JOIN customers c ON c.code = b.customerid AND c.store = b.customerstore;
    CREATE VIEW notifications_view AS SELECT n.*, n.branch || n.id AS internalid FROM notifications n;
    CREATE VIEW notifications_sync_view AS SELECT n.*, n.branch || n.id || n.userid AS internalid FROM notifications n;
    "#,
    // 6: the queue remembers which document it made (an extension clients may read).
    r#"
    ALTER TABLE integration_queue ADD COLUMN documentnumber TEXT NOT NULL DEFAULT '';
    CREATE VIEW integration_queue_view AS SELECT q.*, q.branchid || q.id AS internalid FROM integration_queue q;
    "#,
    // 7: queue rows are keyed by seller and id, so another seller's id is simply another
    // row (it answers as an unknown id does and takes nothing over); `created_at` is when a
    // row first arrived (re-posts move `received_at`), to tell who used an id first.
    r#"
    DROP VIEW integration_queue_view;
    CREATE TABLE integration_queue_by_seller (
        branchid TEXT NOT NULL DEFAULT '',
        id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT '0',
        json TEXT NOT NULL,
        jsonerror TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        operation TEXT NOT NULL DEFAULT '3',
        userid TEXT NOT NULL DEFAULT '',
        sellerid TEXT NOT NULL DEFAULT '',
        received_at INTEGER NOT NULL,
        processing_at INTEGER,
        processed_at INTEGER,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        documentnumber TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        PRIMARY KEY (sellerid, id)
    );
    INSERT INTO integration_queue_by_seller(branchid, id, status, json, jsonerror, source, operation, userid,
        sellerid, received_at, processing_at, processed_at, stamp, deleted, documentnumber, created_at)
        SELECT branchid, id, status, json, jsonerror, source, operation, userid, sellerid, received_at,
               processing_at, processed_at, stamp, deleted, documentnumber, received_at
        FROM integration_queue;
    DROP TABLE integration_queue;
    ALTER TABLE integration_queue_by_seller RENAME TO integration_queue;
    CREATE INDEX integration_queue_waiting ON integration_queue(status, received_at);
    CREATE INDEX integration_queue_by_stamp ON integration_queue(stamp);
    CREATE INDEX integration_queue_by_id ON integration_queue(id);
    CREATE VIEW integration_queue_view AS SELECT q.*, q.branchid || q.id AS internalid FROM integration_queue q;
    "#,
    // 8: token families (a login and its refreshes) for reuse detection and revocation; a
    // used refresh token is kept, marked, until it expires. Accounts still on a fixture
    // password are marked: outside demo mode they open nothing.
    r#"
    ALTER TABLE tokens ADD COLUMN family TEXT NOT NULL DEFAULT '';
    ALTER TABLE tokens ADD COLUMN used_at INTEGER;
    CREATE INDEX tokens_by_family ON tokens(family);
    ALTER TABLE users ADD COLUMN demo_password INTEGER NOT NULL DEFAULT 0;
    UPDATE users SET demo_password = 1;
    "#,
    // 9: the queue job takes waiting rows round-robin by seller, oldest first.
    r#"
    DROP INDEX integration_queue_waiting;
    CREATE INDEX integration_queue_waiting ON integration_queue(status, sellerid, received_at, id);
    CREATE INDEX integration_queue_finished ON integration_queue(processed_at) WHERE status IN ('2', '3');
    "#,
    // 10: a customer's open orders, for the credit check the engine runs on every order.
    r#"
    CREATE INDEX orders_by_customer ON orders(clientid, storeid);
    "#,
    // 11: a customer's contacts (SU5 related through AC8, flattened: one customer each),
    // returned goods (SD1 returns of an invoice's items), and the read shapes built on them:
    // the seller's invoices, and each customer's last purchase of each product.
    r#"
    CREATE TABLE contacts (
        branch TEXT NOT NULL DEFAULT '',
        contactid TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        ddi TEXT NOT NULL DEFAULT '',
        ddd TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        cellphone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX contacts_by_customer ON contacts(customerid, customerstore);
    CREATE INDEX contacts_by_stamp ON contacts(stamp);
    CREATE VIEW contacts_view AS
        SELECT k.branch || k.contactid AS internalid, k.branch, k.contactid, k.name, k.role, k.ddi, k.ddd,
               k.phone, k.cellphone, k.email, 'SA1' AS entity, k.customerid || k.customerstore AS codeentity,
               k.customerid, k.customerstore, coalesce(c.vendor, '') AS vendor, k.deleted, k.stamp
        FROM contacts k LEFT JOIN customers c ON c.code = k.customerid AND c.store = k.customerstore;
    CREATE TABLE returns (
        branch TEXT NOT NULL DEFAULT '',
        document TEXT NOT NULL,
        serie TEXT NOT NULL DEFAULT '1',
        itemid TEXT NOT NULL,
        invoice TEXT NOT NULL,
        invoiceserie TEXT NOT NULL DEFAULT '1',
        orderid TEXT NOT NULL REFERENCES orders(orderid),
        productid TEXT NOT NULL,
        quantity REAL NOT NULL DEFAULT 0,
        amount REAL NOT NULL DEFAULT 0,
        issuedate TEXT NOT NULL,
        PRIMARY KEY (document, serie, itemid)
    );
    CREATE INDEX returns_by_date ON returns(issuedate);
    CREATE VIEW invoices_view AS
        SELECT n.branch || n.invoice || n.serie AS internalid, n.branch, n.invoice, n.serie, n.orderid, n.issuedate,
               n.amount, n.quantity, n.invoicetype, n.invoicecele, n.invoicekey, o.clientid AS customerid,
               o.storeid AS customerstore, coalesce(c.fantasy, '') AS customer, coalesce(c.name, '') AS customername,
               coalesce((SELECT max(i.deliverydate) FROM order_items i WHERE i.orderid = o.orderid AND i.deleted = 0), '')
                   AS deliverydate,
               o.sellerid, o.deleted
        FROM invoices n JOIN orders o ON o.orderid = n.orderid
        LEFT JOIN customers c ON c.code = o.clientid AND c.store = o.storeid;
    CREATE VIEW returns_view AS
        SELECT r.branch || r.document || r.serie || r.itemid AS internalid, r.branch, r.document, r.serie, r.itemid,
               r.invoice, r.invoiceserie, r.orderid, r.productid, r.quantity, r.amount, r.issuedate,
               o.clientid AS customerid, o.storeid AS customerstore, o.sellerid, o.deleted
        FROM returns r JOIN orders o ON o.orderid = r.orderid;
    CREATE VIEW last_purchases_view AS
        SELECT internalid, customerid, customerstore, productid, description, lastdate, orderid, quantity, unitprice,
               sellerid, stamp, 0 AS deleted
        FROM (SELECT o.clientid || o.storeid || i.productid AS internalid, o.clientid AS customerid,
                     o.storeid AS customerstore, i.productid, i.description, o.issuedate AS lastdate, o.orderid,
                     i.quantity, i.unitprice, o.sellerid, max(o.stamp, i.stamp) AS stamp,
                     row_number() OVER (PARTITION BY o.clientid, o.storeid, i.productid
                                        ORDER BY o.issuedate DESC, o.orderid DESC) AS newest
              FROM order_items i JOIN orders o ON o.orderid = i.orderid
              WHERE o.deleted = 0 AND i.deleted = 0 AND o.ordertype = 'N')
        WHERE newest = 1;
    "#,
    // 12: Mascate's agenda and the rep's own data (extensions): the seller's tasks (CRM
    // activities, AOF) keyed by the id the device made, their notes, scheduled visits (the
    // seller's agenda, AD7); the seller's region and commission (SA3's A3_REGIAO, A3_COMIS);
    // each user's language; customers read with their seller's name (A3_NOME).
    r#"
    CREATE TABLE tasks (
        branch TEXT NOT NULL DEFAULT '',
        taskid TEXT PRIMARY KEY,
        sellerid TEXT NOT NULL,
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        subject TEXT NOT NULL,
        duedate TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        notes TEXT NOT NULL DEFAULT '',
        createdat TEXT NOT NULL,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX tasks_by_seller ON tasks(sellerid, duedate);
    CREATE INDEX tasks_by_stamp ON tasks(stamp);
    CREATE TABLE task_notes (
        taskid TEXT NOT NULL REFERENCES tasks(taskid),
        noteid TEXT NOT NULL,
        text TEXT NOT NULL,
        createdat TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (taskid, noteid)
    );
    CREATE INDEX task_notes_by_stamp ON task_notes(stamp);
    CREATE TABLE visits (
        branch TEXT NOT NULL DEFAULT '',
        visitid TEXT PRIMARY KEY,
        sellerid TEXT NOT NULL,
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        date TEXT NOT NULL,
        time TEXT NOT NULL,
        subject TEXT NOT NULL,
        stamp INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX visits_by_seller ON visits(sellerid, date, time);
    CREATE INDEX visits_by_stamp ON visits(stamp);
    CREATE VIEW tasks_view AS
        SELECT t.branch || t.taskid AS internalid, t.branch, t.taskid, t.customerid, t.customerstore,
               coalesce(c.fantasy, '') AS customer, coalesce(c.name, '') AS customername, t.subject, t.duedate,
               t.status, t.notes,
               (SELECT count(*) FROM task_notes n WHERE n.taskid = t.taskid AND n.deleted = 0) AS notecount,
               t.createdat, t.sellerid, t.stamp, t.deleted
        FROM tasks t LEFT JOIN customers c ON c.code = t.customerid AND c.store = t.customerstore;
    CREATE VIEW task_notes_view AS
        SELECT n.taskid || '/' || n.noteid AS internalid, n.taskid, n.noteid, n.text, n.createdat, n.created_at,
               t.sellerid, n.stamp, max(n.deleted, t.deleted) AS deleted
        FROM task_notes n JOIN tasks t ON t.taskid = n.taskid;
    CREATE VIEW visits_view AS
        SELECT v.branch || v.visitid AS internalid, v.branch, v.visitid, v.customerid, v.customerstore,
               coalesce(c.fantasy, '') AS customer, coalesce(c.name, '') AS customername, v.date, v.time,
               v.subject, v.sellerid, v.stamp, v.deleted
        FROM visits v LEFT JOIN customers c ON c.code = v.customerid AND c.store = v.customerstore;
    ALTER TABLE sellers ADD COLUMN region TEXT NOT NULL DEFAULT '';
    ALTER TABLE sellers ADD COLUMN commission REAL NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'pt-BR';
    CREATE VIEW customers_view AS
        SELECT c.*, coalesce(s.name, '') AS sellername FROM customers c LEFT JOIN sellers s ON s.code = c.vendor;
    "#,
    // 13: Mascate's reads of a customer's finances, invoices and industrialisation. Currencies
    // (MV_MOEDA1..5 with the demo's fixed rate, SM2);
    // what an invoice (SF2) says of its shipping and the rate it converted the order at;
    // payments of receivables (SE5 movements of SE1); credit notes (SE1 type NCC) made by
    // returns; third-party stock held for customers (SB6) and production orders (SC2).
    r#"
    CREATE TABLE currencies (id INTEGER PRIMARY KEY, name TEXT NOT NULL, symbol TEXT NOT NULL, rate REAL NOT NULL);
    ALTER TABLE invoices ADD COLUMN carrier TEXT NOT NULL DEFAULT '';
    ALTER TABLE invoices ADD COLUMN volumes REAL NOT NULL DEFAULT 0;
    ALTER TABLE invoices ADD COLUMN volumekind TEXT NOT NULL DEFAULT '';
    ALTER TABLE invoices ADD COLUMN grossweight REAL NOT NULL DEFAULT 0;
    ALTER TABLE invoices ADD COLUMN netweight REAL NOT NULL DEFAULT 0;
    ALTER TABLE invoices ADD COLUMN rate REAL NOT NULL DEFAULT 1;
    CREATE TABLE bill_payments (
        prefix TEXT NOT NULL,
        titlecode TEXT NOT NULL,
        installment TEXT NOT NULL,
        type TEXT NOT NULL,
        sequence TEXT NOT NULL,
        paiddate TEXT NOT NULL,
        principal REAL NOT NULL DEFAULT 0,
        interest REAL NOT NULL DEFAULT 0,
        discount REAL NOT NULL DEFAULT 0,
        amount REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (prefix, titlecode, installment, type, sequence)
    );
    CREATE VIEW paid_bills_view AS
        SELECT b.branchid || b.prefix || b.titlecode || b.installment || b.type || p.sequence AS internalid,
               b.prefix, b.titlecode, b.installment, b.type, p.sequence, b.customerid, b.customerstore,
               b.issuedate, b.originalmaturity AS duedate, b.billvalue, p.paiddate, p.principal AS writeoff,
               p.interest, p.discount, p.amount AS amountpaid, b.titlebalance AS balance,
               CAST(julianday(p.paiddate) - julianday(b.originalmaturity) AS INTEGER) AS delay,
               coalesce(c.vendor, '') AS vendor, b.deleted
        FROM bill_payments p
        JOIN bills b ON b.prefix = p.prefix AND b.titlecode = p.titlecode AND b.installment = p.installment
            AND b.type = p.type
        LEFT JOIN customers c ON c.code = b.customerid AND c.store = b.customerstore;
    CREATE TABLE credit_notes (
        branchid TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL,
        number TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT 'NCC',
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        issuedate TEXT NOT NULL,
        amount REAL NOT NULL DEFAULT 0,
        balance REAL NOT NULL DEFAULT 0,
        invoice TEXT NOT NULL,
        invoiceserie TEXT NOT NULL,
        orderid TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (prefix, number, type)
    );
    CREATE INDEX credit_notes_by_customer ON credit_notes(customerid, customerstore);
    CREATE VIEW credit_notes_view AS
        SELECT n.branchid || n.prefix || n.number || n.type AS internalid, n.prefix, n.number, n.type,
               n.customerid, n.customerstore, n.issuedate, n.amount, n.balance,
               round(n.amount - n.balance, 2) AS used, n.invoice, n.invoiceserie, n.orderid,
               coalesce(c.vendor, '') AS vendor, n.deleted
        FROM credit_notes n LEFT JOIN customers c ON c.code = n.customerid AND c.store = n.customerstore;
    CREATE TABLE held_stock (
        branch TEXT NOT NULL DEFAULT '',
        document TEXT NOT NULL,
        serie TEXT NOT NULL DEFAULT '1',
        itemid TEXT NOT NULL,
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        productid TEXT NOT NULL,
        issuedate TEXT NOT NULL,
        received REAL NOT NULL DEFAULT 0,
        balance REAL NOT NULL DEFAULT 0,
        unitprice REAL NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (document, serie, itemid)
    );
    CREATE INDEX held_stock_by_customer ON held_stock(customerid, customerstore);
    CREATE VIEW held_stock_view AS
        SELECT h.branch || h.document || h.serie || h.itemid AS internalid, h.customerid, h.customerstore,
               h.productid, coalesce(p.description, '') AS description, coalesce(p.measureunit, '') AS unit,
               h.balance AS quantity, h.received, h.unitprice, h.document, h.serie, h.itemid, h.issuedate,
               coalesce(c.vendor, '') AS vendor, h.deleted
        FROM held_stock h
        LEFT JOIN products p ON p.code = h.productid
        LEFT JOIN customers c ON c.code = h.customerid AND c.store = h.customerstore;
    CREATE TABLE production_orders (
        branch TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL,
        item TEXT NOT NULL DEFAULT '01',
        sequence TEXT NOT NULL DEFAULT '001',
        productid TEXT NOT NULL,
        quantity REAL NOT NULL DEFAULT 0,
        produced REAL NOT NULL DEFAULT 0,
        startdate TEXT NOT NULL,
        enddate TEXT NOT NULL,
        finishdate TEXT NOT NULL DEFAULT '',
        orderid TEXT NOT NULL DEFAULT '',
        orderitem TEXT NOT NULL DEFAULT '',
        customerid TEXT NOT NULL,
        customerstore TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (number, item, sequence)
    );
    CREATE INDEX production_orders_by_customer ON production_orders(customerid, customerstore);
    CREATE INDEX production_orders_by_order ON production_orders(orderid);
    CREATE VIEW production_orders_view AS
        SELECT o.branch || o.number || o.item || o.sequence AS internalid, o.number, o.item, o.sequence,
               o.productid, coalesce(p.description, '') AS description, coalesce(p.measureunit, '') AS unit,
               o.quantity, o.produced, o.startdate, o.enddate, o.finishdate,
               CASE WHEN o.finishdate <> '' THEN 'finished' WHEN o.produced > 0 THEN 'started' ELSE 'open' END
                   AS status,
               o.orderid, o.orderitem, o.customerid, o.customerstore, coalesce(c.vendor, '') AS vendor, o.deleted
        FROM production_orders o
        LEFT JOIN products p ON p.code = o.productid
        LEFT JOIN customers c ON c.code = o.customerid AND c.store = o.customerstore;
    "#,
    // 14: issue 27. A used refresh token keeps its successor pair sealed under itself, so a
    // race within the grace gets the same pair (auth/rotation.rs); devices a user signed in
    // from, whose sign-ins the lockout trusts (auth/devices.rs).
    r#"
    ALTER TABLE tokens ADD COLUMN successor TEXT;
    CREATE TABLE trusted_devices (
        device_hash TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(user_id),
        expires_at INTEGER NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (device_hash, user_id)
    );
    CREATE INDEX trusted_devices_by_user ON trusted_devices(user_id, expires_at);
    "#,
];
