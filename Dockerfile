# kompetanse in a container (issue 30): built with the same
# `cargo build --release --locked` as CI, then only the binary is kept.
#   docker build -t kompetanse:0.1.0 .
#   docker run --rm -v "$PWD:/work" -w /work kompetanse:0.1.0 gap org.toml
# The files are read from the mounted folder; reports go to stdout or -o.

FROM rust:1.88-slim AS build
WORKDIR /src
# git lets build.rs record the commit and date for --version.
RUN apt-get update && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cargo build --release --locked --bin kompetanse

FROM debian:bookworm-slim
RUN useradd --create-home --uid 1000 kompetanse
COPY --from=build /src/target/release/kompetanse /usr/local/bin/kompetanse
USER kompetanse
WORKDIR /work
ENTRYPOINT ["kompetanse"]
CMD ["--help"]
