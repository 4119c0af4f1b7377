"""Rule packs shipped with caseguard (data only; this file makes the folder importable)."""
