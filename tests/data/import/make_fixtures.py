#!/usr/bin/env python3
"""Writes the import fixtures: EvalScope perf output folders in EvalScope's exact layout (benchmark_args.json,
benchmark_summary.json, benchmark_percentile.json, benchmark_data.db with its `result` table) and vLLM
`bench serve --save-result` JSON files. The per-request data is synthetic but deterministic; the summary and
percentile files are computed here with EvalScope's formulas (§5.2/§5.3 of the behaviour reference), independently
of Throughline, so the import test can check Throughline's recomputation against them. Run from any folder:
    python3 tests/data/import/make_fixtures.py
"""
import base64, json, math, os, pickle, random, shutil, sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))
PCTS = [("min", 0), ("1%", 1), ("5%", 5), ("10%", 10), ("25%", 25), ("50%", 50), ("75%", 75), ("90%", 90),
        ("95%", 95), ("99%", 99), ("max", 100)]


def nearest_rank(values, p):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[-1] if p >= 100 else v[int(len(v) * p / 100)]


def make_requests(seed, count, start0, out_tokens, ttft_base, itl, failures=(), nonstream=(), usage_tail=()):
    rnd = random.Random(seed)
    rows, t = [], start0
    for i in range(count):
        t += rnd.uniform(0.001, 0.05)
        if i in failures:
            rows.append(dict(start=t, success=False, stream=True))
            continue
        stream = i not in nonstream
        ttft = ttft_base * rnd.uniform(0.8, 1.6)
        n_out = out_tokens - rnd.randint(0, 3)
        gaps = [round(itl * rnd.uniform(0.7, 1.5), 6) for _ in range(n_out - 1)] if stream else []
        latency = ttft + sum(gaps) + (0.0007 if i in usage_tail else 0.0)
        if not stream:
            ttft = latency = ttft + itl * n_out
        rows.append(dict(start=t, success=True, stream=stream, ttft=ttft, itl=gaps, latency=latency,
                         completed=t + latency, prompt=rnd.randint(20, 40), completion=n_out))
    return rows


def summary(rows, parallel, rate):
    ok = [r for r in rows if r["success"]]
    n = len(ok)
    T = (max(r["completed"] for r in ok) - min(r["start"] for r in rows)) if ok else 1.0
    streams = [r for r in ok if r["stream"]] or ok
    tpot = lambda r: (r["latency"] - r["ttft"]) / (r["completion"] - 1) if r["completion"] > 1 else 0.0
    itls = [g for r in ok for g in r["itl"]]
    return {
        "Test Duration (s)": round(T, 4), "Concurrency": parallel, "Request Rate (req/s)": rate,
        "Total Requests": len(rows), "Success Requests": n, "Failed Requests": len(rows) - n,
        "Stream Requests": sum(1 for r in rows if r["stream"]),
        "Non-Stream Requests": sum(1 for r in rows if not r["stream"]),
        "Req Throughput (req/s)": round(n / T, 4),
        "Avg Latency (s)": round(sum(r["latency"] for r in ok) / n, 4),
        "Avg Input Tokens": round(sum(r["prompt"] for r in ok) / n, 4),
        "Output Throughput (tok/s)": round(sum(r["completion"] for r in ok) / T, 4),
        "Total Throughput (tok/s)": round(sum(r["prompt"] + r["completion"] for r in ok) / T, 4),
        "Avg TTFT (ms)": round(1000 * sum(r["ttft"] for r in streams) / len(streams), 2),
        "Avg TPOT (ms)": round(1000 * sum(tpot(r) for r in streams) / len(streams), 2),
        "Avg ITL (ms)": round(1000 * sum(itls) / len(itls), 2) if itls else 0.0,
        "Avg Output Tokens": round(sum(r["completion"] for r in ok) / n, 4),
        "Input Throughput (tok/s)": 0.0,
    }


def percentiles(rows):
    ok = [r for r in rows if r["success"]]
    streams = [r for r in ok if r["stream"]] or ok
    tpot = lambda r: (r["latency"] - r["ttft"]) / (r["completion"] - 1) if r["completion"] > 1 else 0.0
    metrics = {
        "TTFT (ms)": [r["ttft"] * 1000 for r in streams],
        "ITL (ms)": [g * 1000 for r in ok for g in r["itl"]],
        "TPOT (ms)": [tpot(r) * 1000 for r in streams],
        "Latency (s)": [r["latency"] for r in ok],
        "Input tokens": [r["prompt"] for r in ok],
        "Output tokens": [r["completion"] for r in ok],
        "Output (tok/s)": [r["completion"] / r["latency"] for r in ok],
        "Total (tok/s)": [(r["prompt"] + r["completion"]) / r["latency"] for r in ok],
        "Decode (tok/s)": [1 / tpot(r) for r in streams if tpot(r) > 0],
    }
    out = []
    for label, p in PCTS:
        row = {"Percentiles": label}
        for k, v in metrics.items():
            x = nearest_rank(v, p)
            row[k] = None if math.isnan(x) else round(x, 2)
        out.append(row)
    return out


def write_point(folder, args, rows, parallel, number, rate, with_db=True):
    os.makedirs(folder, exist_ok=True)
    a = dict(args, parallel=parallel, number=number, rate=rate)
    with open(os.path.join(folder, "benchmark_args.json"), "w") as f:
        json.dump(a, f, indent=4, ensure_ascii=False)
    with open(os.path.join(folder, "benchmark_summary.json"), "w") as f:
        json.dump(summary(rows, parallel, rate), f, indent=4)
    with open(os.path.join(folder, "benchmark_percentile.json"), "w") as f:
        json.dump(percentiles(rows), f, indent=4)
    if not with_db:
        return
    db = sqlite3.connect(os.path.join(folder, "benchmark_data.db"))
    db.execute("CREATE TABLE IF NOT EXISTS result (request TEXT, start_time REAL, inter_token_latencies TEXT,"
               " success INTEGER, response_messages TEXT, completed_time REAL, latency REAL,"
               " first_chunk_latency REAL, prompt_tokens INTEGER, completion_tokens INTEGER,"
               " max_gpu_memory_cost REAL, time_per_output_token REAL, request_id TEXT, is_stream INTEGER)")
    empty = base64.b64encode(pickle.dumps([])).decode()
    for r in rows:
        body = json.dumps({"model": args["model"], "messages": [{"role": "user", "content": "Hi"}],
                           "max_tokens": args.get("max_tokens"), "stream": r["stream"]})
        if r["success"]:
            tpot = (r["latency"] - r["ttft"]) / (r["completion"] - 1) if r["completion"] > 1 else 0.0
            db.execute("INSERT INTO result VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       (body, r["start"], json.dumps(r["itl"]), 1, empty, r["completed"], r["latency"], r["ttft"],
                        r["prompt"], r["completion"], 0.0, tpot, None, int(r["stream"])))
        else:
            db.execute("INSERT INTO result VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       (body, r["start"], "[]", 0, empty, 0, None, None, None, None, None, None, None, 1))
    db.commit()
    db.close()


def evalscope_fixtures():
    # Modelled on EvalScope's documented quick-start example (model Qwen2.5-0.5B-Instruct served by vLLM on port
    # 8801, API openai, dataset random, ignore_eos): its first two sweep points (parallel 1 and 10, number 10 and
    # 20), with 64 output tokens instead of 1024 to keep the fixture small.
    root = os.path.join(HERE, "evalscope-docs-example")
    shutil.rmtree(root, ignore_errors=True)
    args = {"model": "Qwen2.5-0.5B-Instruct", "model_id": "Qwen2.5-0.5B-Instruct", "attn_implementation": None,
            "api": "openai", "tokenizer_path": None, "port": 8877, "url": "http://127.0.0.1:8801/v1/chat/completions",
            "headers": {}, "connect_timeout": 600, "read_timeout": 600, "api_key": None, "no_test_connection": False,
            "number": 10, "parallel": 1, "rate": -1, "log_every_n_query": 10, "debug": False, "wandb_api_key": None,
            "swanlab_api_key": None, "name": None, "outputs_dir": "./outputs", "max_prompt_length": 1024,
            "min_prompt_length": 1024, "prefix_length": 0, "prompt": None, "query_template": None,
            "apply_chat_template": True, "dataset": "random", "dataset_path": None, "frequency_penalty": None,
            "repetition_penalty": None, "logprobs": None, "max_tokens": 64, "min_tokens": 64, "n_choices": None,
            "seed": 0, "stop": None, "stop_token_ids": None, "stream": True, "temperature": 0.0, "top_p": None,
            "top_k": None, "extra_args": {"ignore_eos": True}}
    base = os.path.join(root, "20250315_143000", "Qwen2.5-0.5B-Instruct")
    write_point(os.path.join(base, "parallel_1_number_10"), args,
                make_requests(1, 10, 1000.0, 64, 0.030, 0.006), 1, 10, -1)
    write_point(os.path.join(base, "parallel_10_number_20"), args,
                make_requests(2, 20, 1010.0, 64, 0.080, 0.009, usage_tail={3, 7}), 10, 20, -1)

    # Failures, a non-streamed answer and a usage chunk after the last content chunk.
    root = os.path.join(HERE, "evalscope-failures")
    shutil.rmtree(root, ignore_errors=True)
    args2 = dict(args, model="qwen-test", name="failures", max_tokens=8, min_tokens=None, dataset="openqa")
    write_point(os.path.join(root, "parallel_2_number_6"), args2,
                make_requests(3, 6, 50.0, 8, 0.05, 0.01, failures={1, 4}, nonstream={5}, usage_tail={0}), 2, 6, -1)

    # Only the JSON files, as when benchmark_data.db was not kept.
    root = os.path.join(HERE, "evalscope-summary-only")
    shutil.rmtree(root, ignore_errors=True)
    write_point(os.path.join(root, "parallel_4_number_8"), dict(args2, name="summary-only"),
                make_requests(4, 8, 10.0, 8, 0.05, 0.01), 4, 8, -1, with_db=False)


def vllm_result(seed, model, concurrency, rate, n, out_tokens, failures=()):
    rnd = random.Random(seed)
    ttfts, itls, ins, outs, errors, texts = [], [], [], [], [], []
    for i in range(n):
        ins.append(rnd.randint(100, 200))
        if i in failures:
            ttfts.append(0.0); itls.append([]); outs.append(0); texts.append("")
            errors.append("Traceback (most recent call last):\n  aiohttp.ClientResponseError: 503, message='Service Unavailable'")
            continue
        ttfts.append(0.05 * rnd.uniform(0.8, 1.5))
        k = out_tokens - rnd.randint(0, 2)
        itls.append([round(0.008 * rnd.uniform(0.7, 1.4), 6) for _ in range(k - 1)])
        outs.append(k); texts.append("token " * k); errors.append("")
    ok = [i for i in range(n) if not errors[i]]
    lat = {i: ttfts[i] + sum(itls[i]) for i in ok}
    duration = max(lat.values()) * (n / max(1, concurrency or n)) + 0.01
    total_in = sum(ins[i] for i in ok)
    total_out = sum(outs[i] for i in ok)
    tpots = [(lat[i] - ttfts[i]) / (outs[i] - 1) for i in ok if outs[i] > 1]
    all_itl = [g for i in ok for g in itls[i]]
    pct = lambda v, p: sorted(v)[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
    res = {"date": "20250316-101500", "endpoint_type": "openai-chat", "backend": "openai-chat", "label": None,
           "model_id": model, "tokenizer_id": model, "num_prompts": n,
           "request_rate": rate if rate != float("inf") else "inf", "burstiness": 1.0, "max_concurrency": concurrency,
           "duration": duration, "completed": len(ok), "failed": n - len(ok), "total_input_tokens": total_in,
           "total_output_tokens": total_out, "request_throughput": len(ok) / duration, "request_goodput": None,
           "output_throughput": total_out / duration, "total_token_throughput": (total_in + total_out) / duration,
           "input_lens": ins, "output_lens": outs, "ttfts": ttfts, "itls": itls, "generated_texts": texts,
           "errors": errors, "max_output_tokens_per_s": 0.0, "max_concurrent_requests": concurrency or n}
    for name, values in (("ttft", [ttfts[i] for i in ok]), ("tpot", tpots), ("itl", all_itl),
                         ("e2el", list(lat.values()))):
        res[f"mean_{name}_ms"] = 1000 * sum(values) / len(values)
        res[f"median_{name}_ms"] = 1000 * pct(values, 50)
        res[f"std_{name}_ms"] = 0.0
        res[f"p99_{name}_ms"] = 1000 * pct(values, 99)
    return res


def vllm_fixtures():
    detailed = vllm_result(10, "Qwen/Qwen2.5-7B-Instruct", 4, float("inf"), 8, 16, failures={5})
    with open(os.path.join(HERE, "vllm-detailed.json"), "w") as f:
        json.dump(detailed, f)
    # --append-result: one JSON object per line, a sweep over max_concurrency.
    with open(os.path.join(HERE, "vllm-append.jsonl"), "w") as f:
        for i, c in enumerate((1, 4)):
            if i:
                f.write("\n")
            json.dump(vllm_result(20 + i, "Qwen/Qwen2.5-7B-Instruct", c, float("inf"), 6, 12), f)
    # Modelled on the example in vLLM's benchmarks/README.md (`vllm bench serve --backend vllm --model
    # NousResearch/Hermes-3-Llama-3.1-8B --endpoint /v1/completions --dataset-name sharegpt --num-prompts 10`),
    # saved with --save-result but without --save-detailed: aggregates only, the README's figures.
    docs = {"date": "20250316-120000", "endpoint_type": "vllm", "backend": "vllm", "label": None,
            "model_id": "NousResearch/Hermes-3-Llama-3.1-8B", "tokenizer_id": "NousResearch/Hermes-3-Llama-3.1-8B",
            "num_prompts": 10, "request_rate": "inf", "burstiness": 1.0, "max_concurrency": None,
            "duration": 5.78, "completed": 10, "failed": 0, "total_input_tokens": 1369, "total_output_tokens": 2212,
            "request_throughput": 1.73, "request_goodput": None, "output_throughput": 382.89,
            "total_token_throughput": 619.85, "max_output_tokens_per_s": 0.0, "max_concurrent_requests": 10,
            "mean_ttft_ms": 71.54, "median_ttft_ms": 73.88, "std_ttft_ms": 3.2, "p99_ttft_ms": 79.49,
            "mean_tpot_ms": 7.91, "median_tpot_ms": 7.96, "std_tpot_ms": 0.12, "p99_tpot_ms": 8.03,
            "mean_itl_ms": 7.74, "median_itl_ms": 7.70, "std_itl_ms": 0.3, "p99_itl_ms": 8.39}
    with open(os.path.join(HERE, "vllm-docs-example.json"), "w") as f:
        json.dump(docs, f)


if __name__ == "__main__":
    evalscope_fixtures()
    vllm_fixtures()
