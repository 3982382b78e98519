// Package container runs the ECS endpoint under test as a container: the project's reference
// endpoint built into a `FROM scratch` image, or any emulator image a user names (LocalStack,
// moto, a home-grown control plane).
//
// A run starts one container, publishes its port on 127.0.0.1 only, waits until a real ECS
// call (ListClusters) answers, and hands out the endpoint's URL. Everything the run creates
// carries the labels below, so that a later run can find and remove what an earlier one left.
//
// The package cleans up without Ryuk, testcontainers' reaper container: its image cannot be
// pulled everywhere and many CI systems forbid it. Instead,
//
//   - Start removes its container when it fails, whatever the cause;
//   - Running.Terminate removes it at the end of a run (register it with DeferCleanup);
//   - CleanupOnSignal removes it on SIGINT or SIGTERM in programs that do not handle those
//     signals themselves (Ginkgo does, and runs its cleanup nodes when interrupted);
//   - Sweep removes what a run killed too hard for any of the above (SIGKILL, a crash) left.
//
// The Docker engine must share this machine's loopback interface (a local engine, or one
// reached through a socket): the container's port is published on 127.0.0.1 only, because an
// emulator accepts any credentials and must not be reachable from the network.
package container

// The labels on every container, image and network the package creates.
const (
	// LabelManaged marks a resource as this project's, whichever run created it.
	LabelManaged = "org.ecs-conformance.managed"

	// LabelRun names the run that created a container: one value per process.
	LabelRun = "org.ecs-conformance.run"

	// LabelOwner names the host and process that created a container, as HOST/PID, so that
	// Sweep can tell a leftover from a container that a concurrent run still uses.
	LabelOwner = "org.ecs-conformance.owner"
)
