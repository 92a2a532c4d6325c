# SPDX-License-Identifier: GPL-2.0
# Entry points of the harness; see README.md.
.PHONY: demo check shell shell-ref build build-ref series bench stress clean

demo:		## build our kernel, boot it, show a short tracefs session
	harness/demo
check:		## the whole test suite (what CI runs)
	harness/test
build:
	harness/build-kernel ours
build-ref:
	harness/build-kernel ref
shell:		## interactive shell in the guest (our kernel)
	harness/build-kernel ours >/dev/null && harness/run-guest --shell
shell-ref:	## interactive shell in the guest (reference kernel)
	harness/build-kernel ref >/dev/null && harness/run-guest --kernel ref --shell
bench:		## buffer benchmarks, ours against upstream (ns and -icount instructions)
	harness/bench/run
stress:		## 1,000 tracer switches under load, on both kernels
	harness/stress
series:		## write the patch series to build/series/ and check it with git am
	harness/series --check
clean:
	rm -rf build/*/out-ours build/*/out-ref build/series build/logs
