//! Signing in, and the session the ERP ends (pages/login.rs, components/session_expired.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! login {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            Tagline => ["Portal de vendas", "Sales portal", "Portal de ventas"],
            LoginTitle => ["Entrar", "Sign in", "Iniciar sesión"],
            Username => ["Usuário", "User", "Usuario"],
            Password => ["Senha", "Password", "Contraseña"],
            SignIn => ["Entrar", "Sign in", "Entrar"],
            SigningIn => ["Entrando…", "Signing in…", "Entrando…"],
            Required => ["Campo obrigatório.", "Required.", "Campo obligatorio."],
            LoginFailed => ["Usuário ou senha inválidos.", "Wrong user or password.", "Usuario o contraseña incorrectos."],
            NotASeller => [
                "Este usuário não está vinculado a um vendedor no ERP.",
                "This user is not linked to a seller in the ERP.",
                "Este usuario no está vinculado a un vendedor en el ERP."
            ],
            DemoLogins => ["Acessos de demonstração", "Demo logins", "Accesos de demostración"],
            UseLogin => ["Usar", "Use", "Usar"],
            ServerUnreachable => [
                "Não foi possível falar com o servidor. Verifique a conexão.",
                "Could not reach the server. Check the connection.",
                "No fue posible contactar el servidor. Verifique la conexión."
            ],
            FirstSignInNeedsNetwork => [
                "Você está sem conexão. O primeiro acesso neste aparelho precisa de internet.",
                "You are offline. The first sign-in on this device needs a connection.",
                "Está sin conexión. El primer acceso en este dispositivo necesita internet."
            ],
            SessionExpired => [
                "Sua sessão expirou. Entre novamente; os dados salvos no aparelho continuam aqui.",
                "Your session expired. Sign in again; the data saved on this device is still here.",
                "Su sesión expiró. Entre de nuevo; los datos guardados en el dispositivo siguen aquí."
            ],
            SessionExpiredTitle => ["Sessão expirada", "Session expired", "Sesión expirada"],
            SessionExpiredChoice => [
                "O ERP encerrou sua sessão. Entre novamente agora, ou continue offline com a seleção de hoje: consultas e novos documentos ficam no aparelho e são enviados quando você entrar.",
                "The ERP ended your session. Sign in again now, or continue offline with today's selection: lookups and new documents stay on this device and are sent when you sign in.",
                "El ERP cerró su sesión. Entre de nuevo ahora, o continúe sin conexión con la selección de hoy: consultas y nuevos documentos quedan en el dispositivo y se envían cuando entre."
            ],
            SignInAgain => ["Entrar novamente", "Sign in again", "Entrar de nuevo"],
            ContinueOffline => ["Continuar offline", "Continue offline", "Continuar sin conexión"],
            SendingWaitsForSignIn => [
                "Sessão expirada: você está trabalhando offline e o envio ao ERP espera você entrar novamente.",
                "Session expired: you are working offline and sending to the ERP waits until you sign in again.",
                "Sesión expirada: está trabajando sin conexión y el envío al ERP espera hasta que entre de nuevo."
            ],
            NotTheSameSeller => [
                "Entre com o mesmo vendedor, ou saia para trocar de usuário.",
                "Sign in as the same seller, or sign out to change user.",
                "Entre con el mismo vendedor, o salga para cambiar de usuario."
            ],
            ServerAddress => ["Endereço do servidor Protheus (REST)", "Protheus REST server address", "Dirección del servidor Protheus (REST)"],
            ServerAddressHint => [
                "Vazio = o mesmo endereço deste aplicativo. Ex.: https://erp.empresa.com.br:8400/rest",
                "Empty = this app's own address. E.g. https://erp.example.com:8400/rest",
                "Vacío = la misma dirección de esta aplicación. Ej.: https://erp.empresa.com:8400/rest"
            ],
            Advanced => ["Avançado", "Advanced", "Avanzado"],
        }
    };
}
