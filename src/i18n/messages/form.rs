//! The form that writes an order or a quotation (pages/document_form.rs and its steps).
//! A link in the catalogue's chain: see `super`.

macro_rules! form {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            StepCustomer => ["1. Cliente", "1. Customer", "1. Cliente"],
            StepTerms => ["2. Condições", "2. Terms", "2. Condiciones"],
            StepItems => ["3. Itens", "3. Items", "3. Ítems"],
            StepReview => ["4. Revisar e enviar", "4. Review and send", "4. Revisar y enviar"],
            ChooseCustomer => ["Escolha o cliente", "Choose the customer", "Elija el cliente"],
            FreightType => ["Tipo de frete", "Freight type", "Tipo de flete"],
            FreightCif => ["CIF (por nossa conta)", "CIF (we pay)", "CIF (por nuestra cuenta)"],
            FreightFob => ["FOB (por conta do cliente)", "FOB (customer pays)", "FOB (por cuenta del cliente)"],
            FreightNone => ["Sem frete", "No freight", "Sin flete"],
            OperationType => ["Tipo de operação", "Operation type", "Tipo de operación"],
            Notes => ["Observações", "Notes", "Observaciones"],
            AddProduct => ["Adicionar produto", "Add product", "Agregar producto"],
            ProductSearchHint => ["Buscar produto por descrição ou código", "Search a product by description or code", "Buscar producto por descripción o código"],
            Remove => ["Remover", "Remove", "Quitar"],
            Back2 => ["Voltar", "Back", "Volver"],
            Continue => ["Continuar", "Continue", "Continuar"],
            Send => ["Enviar ao ERP", "Send to the ERP", "Enviar al ERP"],
            Sending => ["Enviando…", "Sending…", "Enviando…"],
            CalculateTaxes => ["Calcular impostos", "Calculate taxes", "Calcular impuestos"],
            FixErrors => ["Corrija os campos marcados.", "Fix the marked fields.", "Corrija los campos marcados."],
            ProblemRequired => ["Campo obrigatório.", "Required.", "Campo obligatorio."],
            ProblemPositive => ["Deve ser maior que zero.", "Must be greater than zero.", "Debe ser mayor que cero."],
            ProblemNotNegative => ["Não pode ser negativo.", "Cannot be negative.", "No puede ser negativo."],
            ProblemPercent => ["Entre 0 e 99,99 %.", "Between 0 and 99.99 %.", "Entre 0 y 99,99 %."],
            ProblemPast => ["A data não pode estar no passado.", "The date cannot be in the past.", "La fecha no puede estar en el pasado."],
            ProblemDate => ["Data inválida.", "Not a date.", "Fecha inválida."],
            ProblemNoItems => ["Inclua ao menos um item.", "Add at least one item.", "Agregue al menos un ítem."],
            NewProspect => ["Novo prospect", "New prospect", "Nuevo prospecto"],
            SaveProspect => ["Salvar prospect", "Save prospect", "Guardar prospecto"],
            ProblemTaxIdLength => ["CNPJ tem 14 dígitos e CPF 11.", "A CNPJ has 14 digits, a CPF 11.", "CNPJ tiene 14 dígitos y CPF 11."],
            ProblemTaxIdDigits => ["CNPJ/CPF inválido: confira os dígitos.", "Invalid CNPJ/CPF: check the digits.", "CNPJ/CPF inválido: revise los dígitos."],
            ProblemUf => ["UF desconhecida.", "Unknown state.", "Estado desconocido."],
            ProblemEmail => ["E-mail inválido.", "Invalid e-mail.", "Correo inválido."],
            StorageFull => [
                "O armazenamento do aparelho está cheio: nada foi salvo, o documento continua na tela. Libere espaço (por exemplo, uma seleção menor) e tente de novo.",
                "The device's storage is full: nothing was saved and the document is still on screen. Free some space (a smaller selection, say) and try again.",
                "El almacenamiento del dispositivo está lleno: no se guardó nada y el documento sigue en pantalla. Libere espacio (por ejemplo, una selección menor) e intente de nuevo."
            ],
            // Repeating an order
            RepeatedFrom => [
                "Novo pedido com os itens do pedido {n}, aos preços de hoje.",
                "New order with the items of order {n}, at today's prices.",
                "Nuevo pedido con los ítems del pedido {n}, a los precios de hoy."
            ],
            NotSoldAnymore => [
                "Fora da tabela de preço de hoje (confira o preço): ",
                "Not in today's price list (check the price): ",
                "Fuera de la lista de precios de hoy (verifique el precio): "
            ],
            RepeatKeptDiscounts => [
                "Descontos dos itens mantidos do pedido {n}, aplicados aos preços de hoje.",
                "Item discounts kept from order {n}, applied to today's prices.",
                "Descuentos de los ítems mantenidos del pedido {n}, aplicados a los precios de hoy."
            ],
            // The customer's last purchases (pages/document_form/last_purchases.rs)
            LastPurchases => ["Últimas compras deste cliente", "This customer's last purchases", "Últimas compras de este cliente"],
            LastDate => ["Última", "Last", "Última"],
            AddThis => ["Adicionar", "Add", "Agregar"],
            Added => ["Adicionado", "Added", "Agregado"],
            NoLastPurchases => [
                "Sem compras anteriores registradas.",
                "No earlier purchases recorded.",
                "Sin compras anteriores registradas."
            ],
        }
    };
}
