//! A document printed, shared or repeated (pages/document/print.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! print {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            Print => ["Imprimir / PDF", "Print / PDF", "Imprimir / PDF"],
            Share => ["Compartilhar", "Share", "Compartir"],
            Copied => [
                "Resumo copiado: cole no WhatsApp ou no e-mail.",
                "Summary copied: paste it into WhatsApp or an e-mail.",
                "Resumen copiado: péguelo en WhatsApp o en un correo."
            ],
            CopyFailed => [
                "Não foi possível copiar; selecione o texto abaixo.",
                "Could not copy; select the text below.",
                "No se pudo copiar; seleccione el texto de abajo."
            ],
            RepeatOrder => ["Repetir pedido", "Repeat order", "Repetir pedido"],
            Seller => ["Vendedor", "Seller", "Vendedor"],
            Subtotal => ["Subtotal", "Subtotal", "Subtotal"],
            Discount => ["Desconto", "Discount", "Descuento"],
            ChargesShort => ["Frete, seguro e despesas", "Freight, insurance and expenses", "Flete, seguro y gastos"],
            TotalWithTaxes => ["Total com impostos", "Total with taxes", "Total con impuestos"],
            TaxesByErp => ["impostos calculados pelo ERP", "taxes calculated by the ERP", "impuestos calculados por el ERP"],
            NoNumberYet => ["(sem número)", "(no number yet)", "(sin número)"],
            TaxesIncludedInPrice => ["Impostos já inclusos no preço", "Taxes already in the prices", "Impuestos ya incluidos en el precio"],
            TaxesAddedOnTop => ["Impostos adicionados", "Taxes added", "Impuestos añadidos"],
            TaxesDifference => ["Diferença no total do ERP", "Difference in the ERP's total", "Diferencia en el total del ERP"],
            QuantityShort => ["Qtd.", "Qty", "Cant."],
        }
    };
}
