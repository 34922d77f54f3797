# Secure Base: a static binary on a distroless base (no shell, no package manager).
#   docker build --build-arg VERSION=$(git describe --always --dirty) -t securebase .

FROM golang:1.26.8-bookworm@sha256:a688600ca24f8a4d3ca77f95b0dd40704a9fc787c826660eb7ba0b641b8b175d AS build
WORKDIR /src
# Modules first, so this layer is reused until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
# Migrations, templates and assets are embedded in the binary by go:embed.
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
        -o /out/securebase ./cmd/securebase

# distroless/static carries CA certificates and time zone data, and runs as uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab
COPY --from=build /out/securebase /securebase
USER nonroot:nonroot
EXPOSE 8080
# No shell or curl in this image: the binary asks its own /healthz.
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 CMD ["/securebase", "healthcheck"]
ENTRYPOINT ["/securebase"]
CMD ["serve"]
