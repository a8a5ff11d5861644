// boring `set_custom_verify_callback` and the schannel/native-tls style `verify_callback`.
pub fn boring(builder: &mut boring::ssl::SslContextBuilder) {
    builder.set_custom_verify_callback(boring::ssl::SslVerifyMode::PEER, |_| Ok(()));
    //~^ accept_all_verify_callback
}

pub fn schannel(builder: &mut schannel::tls_stream::Builder) {
    builder.verify_callback(|_| Ok(()));
    //~^ accept_all_verify_callback
}
