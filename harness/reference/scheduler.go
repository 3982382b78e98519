package reference

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// The service scheduler. It runs inside every operation that changes what it depends on
// (a service created or updated, an instance registered, deregistered or terminated, a task
// stopped), before that operation answers: the next call sees the outcome, with no
// background loop and nothing to wait for. Tasks it places start PENDING like every task
// here; a client reports them RUNNING as the agent would.
//
// Shortcoming: tasks on DRAINING instances are not replaced (ECS replaces them), and the
// scheduler posts no "steady state" events.

// Stop code and event limit of the scheduler.
const (
	stopCodeServiceScheduler = "ServiceSchedulerInitiated"
	maxServiceEvents         = 100
)

// schedule brings every ACTIVE service of cluster c to its desired count.
func (s *Server) schedule(c *cluster) {
	for _, svc := range c.serviceOrder {
		if svc.status == statusActive {
			s.reconcile(c, svc, false)
		}
	}
}

// reconcile starts or stops tasks of svc until desiredCount of them are PENDING or RUNNING.
// initial marks the tasks placed when the service is created.
func (s *Server) reconcile(c *cluster, svc *service, initial bool) {
	live := s.liveTasks(svc)
	for len(live) > int(svc.desiredCount) {
		extra := live[len(live)-1]
		live = live[:len(live)-1]
		s.stop(extra, stopCodeServiceScheduler, "Scaling activity initiated by (deployment "+
			svc.deploymentID+")")
	}

	var started []string
	for len(live) < int(svc.desiredCount) {
		i := s.placementFor(c, svc)
		if i == nil {
			s.recordShortfall(c, svc)
			break
		}
		t := s.placeTask(c, i, svc.definition, taskOptions{
			group:     "service:" + svc.name,
			startedBy: svc.deploymentID,
		})
		t.service, t.initial = svc, initial
		svc.tasks = append(svc.tasks, t)
		live = append(live, t)
		started = append(started, "(task "+t.id+")")
	}
	if len(started) > 0 {
		svc.addEvent(s, fmt.Sprintf("(service %s) has started %d tasks: %s.", svc.name,
			len(started), strings.Join(started, " ")))
	}
}

// liveTasks returns the tasks of svc that the cluster accounts for: PENDING or RUNNING, and
// not orphaned by a forced deregistration.
func (s *Server) liveTasks(svc *service) []*task {
	var live []*task
	for _, t := range svc.tasks {
		// Defect: orphaned tasks still count, so they are never replaced.
		if t.holdsResources() && (!t.orphaned || s.has(DefectOrphansCounted)) {
			live = append(live, t)
		}
	}
	return live
}

// placementFor picks the ACTIVE instance with room that runs the fewest tasks, as RunTask
// does; never a deregistered one. Nil when no instance has room.
func (s *Server) placementFor(c *cluster, svc *service) *instance {
	if s.has(DefectReplacementOnDeregistered) {
		for _, t := range svc.tasks {
			if t.orphaned && t.holdsResources() {
				return t.instance // Defect: the copy goes where the orphan was.
			}
		}
	}
	var candidates []*instance
	for _, i := range c.instanceOrder {
		if i.status == statusActive {
			candidates = append(candidates, i)
		}
	}
	return leastBusyWithRoom(candidates, svc.definition.need)
}

// recordShortfall posts the event ECS posts when it cannot place a task of the service.
// A message equal to the latest event is not repeated, as ECS throttles repeated events.
func (s *Server) recordShortfall(c *cluster, svc *service) {
	if s.has(DefectNoShortfallEvent) {
		return // Defect: the shortfall goes unreported.
	}
	reason := "Reason: No Container Instances were found in your cluster."
	for _, i := range c.instanceOrder {
		if i.status == statusActive {
			reason = fmt.Sprintf("The closest matching container-instance %s has "+
				"insufficient %s available.", i.id, i.shortfall(svc.definition.need))
			break
		}
	}
	message := fmt.Sprintf("(service %s) was unable to place a task because no container "+
		"instance met all of its requirements. %s", svc.name, reason)
	if len(svc.events) == 0 || svc.events[0].message != message {
		svc.addEvent(s, message)
	}
}

// addEvent puts an event at the head of the service's log, which keeps the latest 100.
func (svc *service) addEvent(s *Server, message string) {
	event := serviceEvent{id: uuid.NewString(), createdAt: s.now(), message: message}
	svc.events = append([]serviceEvent{event}, svc.events...)
	if len(svc.events) > maxServiceEvents {
		svc.events = svc.events[:maxServiceEvents]
	}
}

// orphaned handles the service tasks a forced deregistration orphaned: their containers are
// deregistered from their target groups and start draining. The scheduler replaces the
// tasks themselves, as they no longer count (see liveTasks).
func (s *Server) orphaned(orphans []*task) {
	if s.has(DefectOrphanTargetKept) {
		return // Defect: the orphans' targets stay registered and healthy.
	}
	for _, t := range orphans {
		s.deregisterTaskTargets(t)
	}
}
