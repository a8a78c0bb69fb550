//! The rep's own data and account (Minha conta), the customer's rep, and the credit sheet
//! found by CPF/CNPJ. A link in the catalogue's chain: see `super`.

macro_rules! account {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            NavAccount => ["Minha conta", "My account", "Mi cuenta"],
            SellerRegistration => ["Cadastro no ERP", "Registration in the ERP", "Registro en el ERP"],
            Region => ["Região", "Region", "Región"],
            Commission => ["Comissão", "Commission", "Comisión"],
            AccountPreferences => ["E-mail e idioma", "E-mail and language", "Correo e idioma"],
            AccountEmailHint => [
                "O e-mail da sua conta de acesso; o do cadastro acima é mantido pelo ERP.",
                "Your sign-in account's e-mail; the one in the registration above is kept by the ERP.",
                "El correo de su cuenta de acceso; el del registro de arriba lo mantiene el ERP."
            ],
            PreferencesSaved => ["E-mail e idioma salvos.", "E-mail and language saved.", "Correo e idioma guardados."],
            ChangePassword => ["Alterar senha", "Change password", "Cambiar contraseña"],
            CurrentPassword => ["Senha atual", "Current password", "Contraseña actual"],
            NewPassword => ["Nova senha", "New password", "Nueva contraseña"],
            NewPasswordAgain => ["Repita a nova senha", "New password again", "Repita la nueva contraseña"],
            PasswordChanged => [
                "Senha alterada. Use a nova no próximo acesso; as suas outras sessões foram encerradas.",
                "Password changed. Use the new one next time you sign in; your other sessions were ended.",
                "Contraseña cambiada. Use la nueva en el próximo acceso; sus otras sesiones se cerraron."
            ],
            ProblemPasswordShort => [
                "A senha precisa de pelo menos {n} caracteres.",
                "The password needs at least {n} characters.",
                "La contraseña necesita al menos {n} caracteres."
            ],
            ProblemPasswordLong => [
                "A senha pode ter no máximo {n} caracteres.",
                "The password can have at most {n} characters.",
                "La contraseña puede tener como máximo {n} caracteres."
            ],
            ProblemPasswordLetterDigit => [
                "A senha precisa de pelo menos uma letra e um dígito.",
                "The password needs at least one letter and one digit.",
                "La contraseña necesita al menos una letra y un dígito."
            ],
            ProblemPasswordUserName => [
                "A senha não pode ser o nome de usuário.",
                "The password cannot be the user name.",
                "La contraseña no puede ser el nombre de usuario."
            ],
            ProblemPasswordSameAsCurrent => [
                "A nova senha precisa ser diferente da atual.",
                "The new password must differ from the current one.",
                "La nueva contraseña debe ser distinta de la actual."
            ],
            ProblemPasswordControl => [
                "A senha não pode ter quebras de linha nem caracteres de controle.",
                "The password cannot have line breaks or control characters.",
                "La contraseña no puede tener saltos de línea ni caracteres de control."
            ],
            ProblemPasswordMismatch => [
                "As duas senhas novas não são iguais.",
                "The two new passwords are not the same.",
                "Las dos contraseñas nuevas no son iguales."
            ],
            WrongCurrentPassword => [
                "A senha atual não confere.",
                "The current password is not right.",
                "La contraseña actual no es correcta."
            ],
            PasswordThrottled => [
                "Muitas tentativas erradas: o ERP bloqueou novas tentativas por enquanto. Tente de novo em {n} segundos.",
                "Too many wrong attempts: the ERP is refusing new ones for now. Try again in {n} seconds.",
                "Demasiados intentos fallidos: el ERP bloqueó nuevos intentos por ahora. Inténtelo de nuevo en {n} segundos."
            ],
            AccountReadThisSession => [
                "Sem conexão: este é o cadastro lido nesta sessão.",
                "Offline: this is the registration read in this session.",
                "Sin conexión: este es el registro leído en esta sesión."
            ],
            AccountFormsOffline => [
                "Sem conexão: alterar e-mail, idioma ou senha precisa de conexão com o ERP.",
                "Offline: changing the e-mail, language or password needs a connection to the ERP.",
                "Sin conexión: cambiar el correo, el idioma o la contraseña necesita conexión con el ERP."
            ],
            ChangePasswordSubmit => ["Alterar a senha", "Change the password", "Cambiar la contraseña"],
            // A customer's rep (customer page).
            CustomerRep => ["Representante", "Sales rep", "Representante"],
            // The credit sheet (pages/credit.rs).
            NavCredit => ["Ficha de crédito", "Credit sheet", "Ficha de crédito"],
            CreditTaxIdLabel => ["CPF ou CNPJ", "CPF or CNPJ", "CPF o CNPJ"],
            CreditTaxIdHint => [
                "Digite ou cole, com ou sem pontos, barra e traço.",
                "Type or paste it, with or without dots, slash and dash.",
                "Escríbalo o péguelo, con o sin puntos, barra y guion."
            ],
            ProblemTaxIdCharacters => [
                "Use só dígitos, com ou sem pontos, barra e traço.",
                "Use digits only, with or without dots, slash and dash.",
                "Use solo dígitos, con o sin puntos, barra y guion."
            ],
            CreditLookup => ["Consultar", "Look up", "Consultar"],
            CreditUnknown => [
                "Nenhum dos seus clientes tem este CPF/CNPJ.",
                "None of your customers has this CPF/CNPJ.",
                "Ninguno de sus clientes tiene este CPF/CNPJ."
            ],
            FirstPurchase => ["Primeira compra", "First purchase", "Primera compra"],
            PurchasesCount => ["Compras (notas)", "Purchases (invoices)", "Compras (facturas)"],
            PaymentsCount => ["Pagamentos recebidos", "Payments received", "Pagos recibidos"],
            AverageDelayDays => ["Atraso médio (dias)", "Average delay (days)", "Atraso medio (días)"],
            LargestDelay => ["Maior atraso (dias)", "Largest delay (days)", "Mayor atraso (días)"],
            OpenBillsTotal => ["Títulos em aberto", "Open bills", "Títulos abiertos"],
            OverdueBillsTotal => ["Títulos vencidos", "Overdue bills", "Títulos vencidos"],
            OpenCustomer => ["Abrir o cliente", "Open the customer", "Abrir el cliente"],
        }
    };
}
