-- POST /api/v1/plans with a typical profile.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("UNKNOT_BENCH_TOKEN") or "")
wrk.body = '{"screening": {"answers": {"varicose_veins": false}}, "targets": ["calf", "hamstrings", "upper_back"], "minutes": 15, "tools": ["foam_roller"], "context": "warm_up"}'
