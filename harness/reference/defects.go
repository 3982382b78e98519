package reference

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Defect names a realistic emulator bug that the reference can be told to have. Defects
// exist for the mutation self-check: run against a reference with one defect, the suite must
// fail the specs that check the broken behaviour, which proves those specs can fail. The
// clean reference has none; only Options.Defects switches one on.
//
// Each defect is implemented at the one place it breaks, marked with a "Defect:" comment.
type Defect string

// The defects, grouped by what they break.
const (
	// What deregistration does to the instance.
	DefectStaysActive        Defect = "stays-active"
	DefectAnswersActive      Defect = "answers-active"
	DefectDeletedOutright    Defect = "deleted-outright"
	DefectTouchesNeighbours  Defect = "touches-neighbours"
	DefectDrainingRefused    Defect = "draining-refused"
	DefectDeregisterTwice500 Defect = "deregister-twice-500"

	// Tasks and force.
	DefectTasksUnchecked   Defect = "tasks-unchecked"
	DefectPendingUnchecked Defect = "pending-unchecked"
	DefectForceIgnored     Defect = "force-ignored"
	DefectForceStopsTasks  Defect = "force-stops-tasks"

	// Finding the cluster and the instance.
	DefectClusterIgnored       Defect = "cluster-ignored"
	DefectDefaultCreated       Defect = "default-created"
	DefectClusterARNRefused    Defect = "cluster-arn-refused"
	DefectARNOnly              Defect = "arn-only"
	DefectLenientIdentifiers   Defect = "lenient-identifiers"
	DefectMalformedIDIsClient  Defect = "malformed-id-is-client-exception"
	DefectUnknownClusterCode   Defect = "unknown-cluster-is-client-exception"
	DefectUnknownInstance500   Defect = "unknown-instance-500"
	DefectMissingInstance500   Defect = "missing-instance-500"
	DefectLenientTypes         Defect = "lenient-types"
	DefectBadJSON500           Defect = "bad-json-500"
	DefectErrorMessageKey      Defect = "capitalised-message-key"
	DefectErrorWithoutID       Defect = "error-without-request-id"
	DefectAnswerMissingMembers Defect = "answer-missing-members"
	DefectAnswerWrongTypes     Defect = "answer-wrong-json-types"
	DefectAnswerUnknownMember  Defect = "answer-unknown-member"

	// The protocol.
	DefectMissingTarget500   Defect = "missing-target-500"
	DefectUnknownTargetOK    Defect = "unknown-target-200"
	DefectContentTypeIgnored Defect = "content-type-ignored"
	DefectEmptyBody500       Defect = "empty-body-500"
	DefectNoBodyLimit        Defect = "no-body-limit"

	// What the rest of the cluster makes of a deregistered instance.
	DefectCountNotDecremented   Defect = "count-not-decremented"
	DefectStillListed           Defect = "still-listed"
	DefectStartTaskOnInactive   Defect = "start-task-on-inactive"
	DefectRunTaskOnInactive     Defect = "run-task-on-inactive"
	DefectReregisterReactivates Defect = "reregister-reactivates"
	DefectUpdateReactivates     Defect = "update-state-reactivates"
	DefectDeleteIgnoresInstance Defect = "delete-cluster-ignores-instances"

	// Service tasks orphaned by force, and their load balancer targets.
	DefectReplacementOnDeregistered Defect = "replacement-on-deregistered-instance"
	DefectOrphansCounted            Defect = "orphans-still-counted"
	DefectNoShortfallEvent          Defect = "shortfall-unreported"
	DefectOrphanTargetKept          Defect = "orphan-target-kept"
	DefectTargetsRemovedAtOnce      Defect = "targets-removed-without-draining"
	DefectReplacementTargetMissing  Defect = "replacement-target-missing"

	// The EC2 instance behind the container instance.
	DefectDeregisterTerminatesEC2     Defect = "deregister-terminates-ec2"
	DefectTerminateNeverDeregisters   Defect = "terminate-never-deregisters"
	DefectTerminateStoppedDeregisters Defect = "terminate-stopped-deregisters"
	DefectTerminateIgnoresAgent       Defect = "terminate-ignores-agent"
	DefectStopKeepsAgent              Defect = "stop-keeps-agent-connected"
)

// defectEffects says, for a person, what each defect does.
var defectEffects = map[Defect]string{
	DefectStaysActive:        "deregistration answers INACTIVE but the instance stays ACTIVE",
	DefectAnswersActive:      "the instance turns INACTIVE but the answer says ACTIVE",
	DefectDeletedOutright:    "the instance is deleted instead of kept INACTIVE",
	DefectTouchesNeighbours:  "deregistration bumps the version of the cluster's other instances",
	DefectDrainingRefused:    "a DRAINING instance cannot be deregistered",
	DefectDeregisterTwice500: "deregistering an INACTIVE instance answers 500",

	DefectTasksUnchecked:   "an instance with tasks is deregistered without force",
	DefectPendingUnchecked: "only RUNNING tasks count as work; PENDING ones are ignored",
	DefectForceIgnored:     "force is ignored: an instance with tasks is always refused",
	DefectForceStopsTasks:  "force stops the instance's tasks instead of orphaning them",

	DefectClusterIgnored:       "the instance is found in any cluster, whatever cluster says",
	DefectDefaultCreated:       "an omitted cluster creates the default cluster on the fly",
	DefectClusterARNRefused:    "a cluster given by ARN is not found",
	DefectARNOnly:              "a bare container instance ID is refused as invalid",
	DefectLenientIdentifiers:   "any identifier's last path segment is taken as the instance ID",
	DefectMalformedIDIsClient:  "a malformed identifier answers ClientException",
	DefectUnknownClusterCode:   "an unknown cluster answers ClientException",
	DefectUnknownInstance500:   "an unknown container instance answers 500",
	DefectMissingInstance500:   "a missing or empty containerInstance answers 500",
	DefectLenientTypes:         "wrongly typed members are coerced (\"yes\" is true, 123 is \"123\")",
	DefectBadJSON500:           "a body that is not JSON answers 500",
	DefectErrorMessageKey:      "error bodies carry \"Message\" instead of \"message\"",
	DefectErrorWithoutID:       "error answers carry no x-amzn-RequestId",
	DefectAnswerMissingMembers: "the answer lacks remainingResources and versionInfo",
	DefectAnswerWrongTypes:     "the answer's version is a string, not a number",
	DefectAnswerUnknownMember:  "the answer leaks a member ECS does not have (deregisteredAt)",

	DefectMissingTarget500:   "a request without X-Amz-Target answers 500",
	DefectUnknownTargetOK:    "an unknown operation answers 200 with an empty object",
	DefectContentTypeIgnored: "any content type is accepted",
	DefectEmptyBody500:       "an empty body answers 500",
	DefectNoBodyLimit:        "bodies of any size are read and served",

	DefectCountNotDecremented:   "the cluster keeps counting INACTIVE instances",
	DefectStillListed:           "ListContainerInstances without a filter lists INACTIVE instances",
	DefectStartTaskOnInactive:   "StartTask places tasks on an INACTIVE instance",
	DefectRunTaskOnInactive:     "RunTask places tasks on INACTIVE instances too",
	DefectReregisterReactivates: "re-registering an INACTIVE instance makes it ACTIVE again",
	DefectUpdateReactivates:     "UpdateContainerInstancesState can make an INACTIVE instance ACTIVE",
	DefectDeleteIgnoresInstance: "DeleteCluster succeeds while instances are ACTIVE or DRAINING",

	DefectReplacementOnDeregistered: "the scheduler places an orphan's copy where the orphan was",
	DefectOrphansCounted:            "orphaned service tasks still count, so none is replaced",
	DefectNoShortfallEvent:          "a task the scheduler cannot place leaves no service event",
	DefectOrphanTargetKept:          "orphaned tasks' targets stay registered and healthy",
	DefectTargetsRemovedAtOnce:      "deregistered targets vanish at once instead of draining",
	DefectReplacementTargetMissing:  "only a service's first tasks get load balancer targets",

	DefectDeregisterTerminatesEC2:     "deregistration terminates the EC2 instance too",
	DefectTerminateNeverDeregisters:   "terminating an EC2 instance never deregisters anything",
	DefectTerminateStoppedDeregisters: "terminating a stopped EC2 instance deregisters it",
	DefectTerminateIgnoresAgent:       "termination deregisters despite a disconnected agent",
	DefectStopKeepsAgent:              "a stopped EC2 instance's agent still shows connected",
}

// Defects returns every defect's name, sorted.
func Defects() []Defect {
	names := make([]Defect, 0, len(defectEffects))
	for d := range defectEffects {
		names = append(names, d)
	}
	slices.Sort(names)
	return names
}

// Effect says what defect d does, for a person.
func (d Defect) Effect() string { return defectEffects[d] }

// ParseDefects reads a comma-separated list of defect names; an unknown name is an error
// that lists the known ones.
func ParseDefects(list string) ([]Defect, error) {
	var defects []Defect
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if _, known := defectEffects[Defect(name)]; !known {
			return nil, fmt.Errorf("unknown defect %q; known defects: %v", name, Defects())
		}
		defects = append(defects, Defect(name))
	}
	return defects, nil
}

// has reports whether the server was told to have defect d.
func (s *Server) has(d Defect) bool {
	return slices.Contains(s.opts.Defects, d)
}

// coerceMembers is DefectLenientTypes: it rewrites wrongly typed members into what the
// operation expects, as emulators in loosely typed languages do, instead of refusing them.
func coerceMembers(body []byte) []byte {
	var members map[string]any
	if json.Unmarshal(body, &members) != nil {
		return body
	}
	for name, value := range members {
		switch v := value.(type) {
		case string:
			if name == "force" {
				members[name] = v == "yes" || v == "true"
			}
		case float64:
			if name == "cluster" || name == "containerInstance" {
				members[name] = strconv.FormatFloat(v, 'f', -1, 64)
			}
		}
	}
	coerced, err := json.Marshal(members)
	if err != nil {
		return body
	}
	return coerced
}

// reshape is DefectAnswerMissingMembers and DefectAnswerWrongTypes: it re-encodes an answer
// holding a containerInstance with members dropped or mistyped.
func (s *Server) reshape(answer containerInstanceAnswer) any {
	encoded, _ := json.Marshal(answer)
	var generic struct {
		ContainerInstance map[string]any `json:"containerInstance"`
	}
	_ = json.Unmarshal(encoded, &generic)

	ci := generic.ContainerInstance
	if s.has(DefectAnswerMissingMembers) {
		delete(ci, "remainingResources")
		delete(ci, "versionInfo")
	}
	if s.has(DefectAnswerWrongTypes) {
		ci["version"] = fmt.Sprint(ci["version"])
	}
	if s.has(DefectAnswerUnknownMember) {
		ci["deregisteredAt"] = ci["registeredAt"]
	}
	return generic
}
