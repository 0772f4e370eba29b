/**
 * The ports `npm run bench` listens on: the ones given as flags, any other a free port, so a run
 * starts beside `npm run dev`, another benchmark or anything else holding a port.
 */
import { freePorts } from "../support/free-port.ts";

export interface BenchPortFlags {
  port?: string;
  runtimePort?: string;
  inspectorPort?: string;
}

export interface BenchPorts {
  /** `wrangler dev` (the development runtime). */
  port: number;
  /** The production runtime (and, before the stack starts, the hello-world calibration). */
  runtimePort: number;
  /** The second production runtime, the one with the inspector open for CPU profiles. */
  profiledPort: number;
  inspectorPort: number;
}

export async function benchPorts(flags: BenchPortFlags): Promise<BenchPorts> {
  const [port, runtimePort, profiledPort, inspectorPort] = await freePorts(4);
  const givenRuntimePort = flags.runtimePort === undefined ? undefined : Number(flags.runtimePort);
  return {
    port: flags.port === undefined ? port : Number(flags.port),
    runtimePort: givenRuntimePort ?? runtimePort,
    // A given runtime port keeps its documented neighbour for the profiled runtime.
    profiledPort: givenRuntimePort === undefined ? profiledPort : givenRuntimePort + 1,
    inspectorPort: flags.inspectorPort === undefined ? inspectorPort : Number(flags.inspectorPort),
  };
}
