//! The home page: the seller's indicators (pages/home.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! home {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            Welcome => ["Olá, {n}", "Hello, {n}", "Hola, {n}"],
            HomeOffline => [
                "Sem conexão: os indicadores vêm do ERP. A seleção de hoje continua disponível, e os pedidos ficam guardados até a conexão voltar.",
                "Offline: the indicators come from the ERP. Today's selection is still here, and orders wait on this device until the connection returns.",
                "Sin conexión: los indicadores vienen del ERP. La selección de hoy sigue disponible y los pedidos esperan aquí hasta que vuelva la conexión."
            ],
            Period => ["Período", "Period", "Período"],
            ThisMonth => ["Este mês", "This month", "Este mes"],
            Last3Months => ["Últimos 3 meses", "Last 3 months", "Últimos 3 meses"],
            Last6Months => ["Últimos 6 meses", "Last 6 months", "Últimos 6 meses"],
            Last12Months => ["Últimos 12 meses", "Last 12 months", "Últimos 12 meses"],
            ByValue => ["Valor", "Value", "Valor"],
            ByQuantity => ["Quantidade", "Quantity", "Cantidad"],
            BilledValue => ["Faturado x não faturado (valor)", "Billed vs unbilled (value)", "Facturado vs no facturado (valor)"],
            BilledQuantity => ["Faturado x não faturado (quantidade)", "Billed vs unbilled (quantity)", "Facturado vs no facturado (cantidad)"],
            CardTotalItems => ["Total de itens", "Total items", "Total de ítems"],
            CardToInvoice => ["Itens a faturar", "Items to invoice", "Ítems por facturar"],
            CardPending => ["Itens pendentes", "Pending items", "Ítems pendientes"],
            CardFinished => ["Itens finalizados", "Finished items", "Ítems finalizados"],
            SeriesBilled => ["Faturado", "Billed", "Facturado"],
            SeriesUnbilled => ["Não faturado", "Unbilled", "No facturado"],
        }
    };
}
