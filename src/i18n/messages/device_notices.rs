//! The browser's own rules on keeping the device's data (components/device_notices.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! device_notices {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            DataVanishedTitle => [
                "Os dados deste aparelho foram apagados",
                "This device's data was erased",
                "Los datos de este dispositivo fueron borrados"
            ],
            DataVanishedCopy => [
                "A seleção offline de {day} não está mais neste aparelho: o navegador a apagou desde o último acesso. Com conexão, o Mascate a baixa de novo: confira no Configurador Offline que ela está pronta antes de sair.",
                "The offline selection of {day} is no longer on this device: the browser erased it since your last visit. With a connection Mascate downloads it again: check in the Offline Configurator that it is ready before you go.",
                "La selección sin conexión del {day} ya no está en este dispositivo: el navegador la borró desde el último acceso. Con conexión, Mascate la descarga de nuevo: confirme en el Configurador sin conexión que está lista antes de salir."
            ],
            DataVanishedWhy => [
                "No iPad e no iPhone o Safari apaga os dados de um site após 7 dias sem uso, a menos que o Mascate esteja na tela de início.",
                "On an iPad or iPhone, Safari erases a site's data after 7 days without use unless Mascate is on the home screen.",
                "En el iPad y el iPhone, Safari borra los datos de un sitio tras 7 días sin uso, salvo que Mascate esté en la pantalla de inicio."
            ],
            InstallHintTitle => [
                "Adicione o Mascate à tela de início",
                "Add Mascate to the home screen",
                "Agregue Mascate a la pantalla de inicio"
            ],
            InstallHint => [
                "Neste iPad o Safari apaga os dados de um site após 7 dias sem uso, inclusive pedidos ainda não enviados. Para guardá-los: toque em Compartilhar (□↑) e depois em \"Adicionar à Tela de Início\", e abra o Mascate pelo ícone.",
                "On this iPad, Safari erases a site's data after 7 days without use, unsent orders included. To keep them: tap Share (□↑), then \"Add to Home Screen\", and open Mascate from its icon.",
                "En este iPad, Safari borra los datos de un sitio tras 7 días sin uso, incluidos los pedidos no enviados. Para conservarlos: toque Compartir (□↑), luego \"Agregar a pantalla de inicio\", y abra Mascate desde su ícono."
            ],
            Understood => ["Entendi", "Got it", "Entendido"],
        }
    };
}
