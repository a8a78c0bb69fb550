//! A customer's finances: credit and open bills (pages/customer.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! finances {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            Finances => ["Financeiro", "Finances", "Finanzas"],
            AvailableCredit => ["Crédito disponível", "Available credit", "Crédito disponible"],
            Delinquency => ["Inadimplência", "Overdue share", "Morosidad"],
            OldestDue => ["Vencimento mais antigo em aberto", "Oldest open due date", "Vencimiento abierto más antiguo"],
            OpenBills => ["Títulos em aberto", "Open bills", "Títulos abiertos"],
            BillSearchHint => ["Número do título ou data (dd/mm/aaaa)", "Bill number or date (mm/dd/yyyy)", "Número del título o fecha (dd/mm/aaaa)"],
            NoOpenBills => ["Nenhum título em aberto.", "No open bills.", "Ningún título abierto."],
            DueDate => ["Vencimento", "Due", "Vencimiento"],
            Balance => ["Saldo", "Balance", "Saldo"],
            PartlyPaid => ["Pago em parte", "Partly paid", "Pagado en parte"],
        }
    };
}
