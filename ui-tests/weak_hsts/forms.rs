use axum::http::{HeaderValue, header};

fn tower() -> tower_http::set_header::SetResponseHeaderLayer<HeaderValue> {
    tower_http::set_header::SetResponseHeaderLayer::overriding(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=3600"))
    //~^ weak_hsts
}

fn headers(map: &mut http::HeaderMap) {
    map.insert(http::header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=0"));
    //~^ weak_hsts
    map.insert("Strict-Transport-Security", "includeSubDomains".parse().unwrap());
    //~^ weak_hsts
}

const HSTS: &str = "max-age=86400; includeSubDomains";

fn actix() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .insert_header((actix_web::http::header::STRICT_TRANSPORT_SECURITY, HSTS))
        //~^ weak_hsts
        .finish()
}

fn actix_defaults() -> actix_web::middleware::DefaultHeaders {
    actix_web::middleware::DefaultHeaders::new().add(("strict-transport-security", "max-age=forever"))
    //~^ weak_hsts
}

fn rocket_shield() -> rocket::shield::Shield {
    use rocket::shield::{Hsts, Shield};
    use rocket::time::Duration;
    Shield::default().enable(Hsts::IncludeSubDomains(Duration::days(30)))
    //~^ weak_hsts
}

fn rocket_off() -> rocket::shield::Shield {
    rocket::shield::Shield::default().disable::<rocket::shield::Hsts>()
    //~^ weak_hsts
}

fn typed(headers: &mut http::HeaderMap) {
    use headers::HeaderMapExt;
    headers.typed_insert(headers::StrictTransportSecurity::excluding_subdomains(std::time::Duration::from_secs(3600)));
    //~^ weak_hsts
}

const AGE: u64 = 600;

fn formatted(map: &mut http::HeaderMap) {
    map.insert(http::header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_str(&format!("max-age={AGE}")).unwrap());
    //~^ weak_hsts
}
