# SPDX-License-Identifier: GPL-2.0
# Entry points of the harness; see README.md.
.PHONY: demo check shell shell-ref build build-ref series bench stress fuzz debug unwinders configs clean

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
stress:		## 30 minutes of stress tests on 4 vCPUs, on both kernels
	harness/stress
fuzz:		## tracefs fuzzer on both debug kernels: make fuzz [SEED=7] [WRITES=100000] [SECS=3600]
	harness/fuzz -s $(or $(SEED),1) -n $(or $(WRITES),100000) -t $(or $(SECS),3600)
debug:		## the guest suite on both debug kernels (KASAN, kmemleak, lockdep, UBSAN)
	harness/debug
unwinders:	## the stack tests on both kernels built with the frame-pointer unwinder
	harness/unwinders
configs:	## build and boot with defconfig+tracing and Debian's cloud config (long)
	harness/configs
series:		## write the patch series to build/series/ and check it with git am
	harness/series --check
clean:
	rm -rf build/*/out-ours build/*/out-ref build/series build/logs
