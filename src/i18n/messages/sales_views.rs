//! The sales views: invoices and statistics, and the date and number filters of the lists.
//! A link in the catalogue's chain: see `super`.

macro_rules! sales_views {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            NavInvoices => ["Notas Fiscais", "Invoices", "Facturas"],
            NavStatistics => ["Estatísticas", "Statistics", "Estadísticas"],
            // Date and number filters (components/range_filter.rs, components/date_filter.rs)
            DateFrom => ["Emissão de", "Issued from", "Emisión desde"],
            DateTo => ["Emissão até", "Issued to", "Emisión hasta"],
            NumberFrom => ["Número de", "Number from", "Número desde"],
            NumberTo => ["Número até", "Number to", "Número hasta"],
            DeliveryFrom => ["Entrega de", "Delivery from", "Entrega desde"],
            DeliveryTo => ["Entrega até", "Delivery to", "Entrega hasta"],
            ClearFilters => ["Limpar filtros", "Clear filters", "Limpiar filtros"],
            DatesReversed => [
                "A data inicial é depois da final.",
                "The first date is after the last.",
                "La fecha inicial es posterior a la final."
            ],
            IssuedOrInvoicedFrom => ["Emissão ou faturamento de", "Issued or invoiced from", "Emisión o facturación desde"],
            IssuedOrInvoicedTo => ["Emissão ou faturamento até", "Issued or invoiced to", "Emisión o facturación hasta"],
            TrackingDatesMean => [
                "Com um estado escolhido, o período vale para a data de emissão ou de faturamento do pedido, como no acompanhamento do ERP.",
                "With a state chosen, the period applies to the order's issue or invoice date, as in the ERP's tracking.",
                "Con un estado elegido, el período vale para la fecha de emisión o de facturación del pedido, como en el seguimiento del ERP."
            ],
            DateImpossible => ["Data inexistente", "No such date", "Fecha inexistente"],
            DateIncomplete => ["Data incompleta", "Incomplete date", "Fecha incompleta"],
            FilterNotApplied => ["Filtro de data não aplicado.", "Date filter not applied.", "Filtro de fecha no aplicado."],
            NumbersReversed => [
                "O número inicial é maior que o final.",
                "The first number is greater than the last.",
                "El número inicial es mayor que el final."
            ],
            // Invoices (pages/invoices.rs)
            InvoiceSearchHint => ["Nota, código ou nome do cliente", "Invoice, customer code or name", "Factura, código o nombre del cliente"],
            InvoiceNumber => ["Nota fiscal", "Invoice", "Factura"],
            Delivery => ["Entrega", "Delivery", "Entrega"],
            NoInvoicesFound => ["Nenhuma nota fiscal no período.", "No invoices in this period.", "Ninguna factura en el período."],
            NeedsMascateServer => [
                "Esta consulta é uma extensão do servidor Mascate; este ERP não a oferece.",
                "This view is a Mascate server extension; this ERP does not offer it.",
                "Esta consulta es una extensión del servidor Mascate; este ERP no la ofrece."
            ],
            NeedsConnection => ["Esta consulta precisa de conexão.", "This view needs a connection.", "Esta consulta necesita conexión."],
            CustomerOfflineHidden => [
                "Sem conexão: limite de crédito, risco, títulos, ficha financeira, produção e pedidos deste cliente ficam no ERP e voltam quando a conexão voltar.",
                "Offline: this customer's credit limit, risk, bills, financial sheet, production and orders stay in the ERP and come back with the connection.",
                "Sin conexión: el límite de crédito, el riesgo, los títulos, la ficha financiera, la producción y los pedidos de este cliente quedan en el ERP y vuelven con la conexión."
            ],
            // Statistics (pages/statistics.rs)
            GroupBy => ["Agrupar por", "Group by", "Agrupar por"],
            ByProduct => ["Produto", "Product", "Producto"],
            ByType => ["Tipo", "Type", "Tipo"],
            ByDescription => ["Descrição", "Description", "Descripción"],
            ByGroup => ["Grupo", "Group", "Grupo"],
            Currency => ["Moeda", "Currency", "Moneda"],
            CurrencyReal => ["Real (R$)", "Real (R$)", "Real (R$)"],
            CurrencyDollar => ["Dólar (US$)", "Dollar (US$)", "Dólar (US$)"],
            Measure => ["Medida no gráfico", "Chart measure", "Medida en el gráfico"],
            SoldQuantity => ["Qtd. vendida", "Sold qty", "Cant. vendida"],
            ReturnedQuantity => ["Qtd. devolvida", "Returned qty", "Cant. devuelta"],
            GrossValue => ["Valor bruto", "Gross value", "Valor bruto"],
            NetValue => ["Valor líquido", "Net value", "Valor neto"],
            BalanceToInvoice => ["Saldo a faturar", "To invoice", "Saldo a facturar"],
            Key => ["Código", "Code", "Código"],
            Total => ["Total", "Total", "Total"],
            PerMonth => ["por mês", "per month", "por mes"],
            NoSales => ["Nenhuma venda no período.", "No sales in this period.", "Ninguna venta en el período."],
            StatisticsHint => [
                "Vendido e valor bruto: notas fiscais emitidas no período; devolvido: devoluções no período; líquido: bruto menos devoluções; saldo: pedidos do período ainda não faturados.",
                "Sold and gross: invoices issued in the period; returned: returns in the period; net: gross less returns; balance: orders of the period not yet invoiced.",
                "Vendido y bruto: facturas emitidas en el período; devuelto: devoluciones del período; neto: bruto menos devoluciones; saldo: pedidos del período aún no facturados."
            ],
            SortedAscending => ["ordem crescente", "ascending", "orden ascendente"],
            SortedDescending => ["ordem decrescente", "descending", "orden descendente"],
        }
    };
}
