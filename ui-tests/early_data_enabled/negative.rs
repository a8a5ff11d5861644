//@ level early_data_enabled=warn
fn client(config: &mut rustls::ClientConfig) {
    config.enable_early_data = false;
}

fn server(config: &mut rustls::ServerConfig) {
    config.max_early_data_size = 0;
}
