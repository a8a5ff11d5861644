//@ level early_data_enabled=warn
fn client(config: &mut rustls::ClientConfig) {
    config.enable_early_data = true;
    //~^ early_data_enabled
}

fn server(config: &mut rustls::ServerConfig) {
    config.max_early_data_size = 16384;
    //~^ early_data_enabled
    config.max_early_data_size = u32::MAX;
    //~^ early_data_enabled
}
