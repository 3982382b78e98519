package behaviours

// Sections are the sections of the table, in order.
var Sections = []Section{
	{Letter: "A", Title: "Deregistering an idle instance"},
	{Letter: "B", Title: "After deregistration: no longer available to run tasks"},
	{Letter: "C", Title: "Running tasks and force"},
	{Letter: "D", Title: "Service tasks orphaned by force"},
	{Letter: "E", Title: "The EC2 instance behind it"},
	{Letter: "F", Title: "Errors"},
	{Letter: "G", Title: "The wire"},
	{Letter: "H", Title: "Concurrency"},
}

// Evidence levels as the requirement list combines them.
const (
	documented = "documented"
	observed   = "observed"
	inferred   = "inferred"
	docObs     = "documented + observed"
)

// Bases for rows that check no sentence of the behaviour paragraphs.
const (
	beyondPage  = "beyond the page"
	pageExample = "the page's Examples (Sample Request and Sample Response)"
)

// Rows is every behaviour, in table order.
var Rows = []Row{
	{ID: "A1", Title: "an idle instance by full ARN, cluster by short name: INACTIVE, facts kept",
		Evidence: documented, Sentences: []string{"intro.deregisters", "cluster.name-or-arn",
			"instance.id-or-arn", "response.ok", "response.instance"}},
	{ID: "A2", Title: "the instance addressed by its bare ID",
		Evidence: documented, Sentences: []string{"instance.id-or-arn"}},
	{ID: "A3", Title: "the cluster addressed by its full ARN",
		Evidence: documented, Sentences: []string{"cluster.name-or-arn"}},
	{ID: "A4", Title: "cluster omitted: the default cluster is assumed",
		Evidence: documented, Sentences: []string{"cluster.default"}},
	{ID: "A5", Title: "cluster omitted, instance in another cluster: refused, instance unchanged",
		Evidence: inferred, Sentences: []string{"cluster.default"}},
	{ID: "A6", Title: "cluster omitted and no default cluster: ClusterNotFoundException",
		Evidence: docObs, Sentences: []string{"cluster.default", "errors.cluster-not-found"}},
	{ID: "A7", Title: "force on an idle instance: true succeeds, false and omitted alike",
		Evidence: documented, Sentences: []string{"force.forces", "force.type"}},
	{ID: "A8", Title: "the answer has the members and JSON types of the Response Syntax",
		Evidence: documented, Sentences: []string{"response.instance"}},
	{ID: "A9", Title: "a DRAINING instance can be deregistered and ends INACTIVE",
		Evidence:  "documented (inferred for success)",
		Sentences: []string{"intro.deregisters"}},
	{ID: "A10", Title: "every other instance, in this cluster and others, is left unchanged",
		Evidence: documented, Sentences: []string{"intro.deregisters"}},

	{ID: "B1", Title: "ListContainerInstances without a filter omits it, lists the others",
		Evidence: documented, Sentences: []string{"intro.unavailable", "intro.not-terminated"}},
	{ID: "B2", Title: "ListContainerInstances filtered on ACTIVE or DRAINING omits it",
		Evidence: documented, Sentences: []string{"intro.unavailable"}},
	{ID: "B3", Title: "DescribeContainerInstances still returns it, INACTIVE",
		Evidence: documented, Sentences: []string{"intro.unavailable"}},
	{ID: "B4", Title: "the cluster's registered instance count drops by one",
		Evidence: documented, Sentences: []string{"intro.not-terminated"}},
	{ID: "B5", Title: "StartTask onto it fails with reason INACTIVE, no task created",
		Evidence: documented, Sentences: []string{"intro.unavailable"}},
	{ID: "B6", Title: "RunTask in a cluster with no instance left: InvalidParameterException",
		Evidence: observed, Sentences: []string{"intro.unavailable"}},
	{ID: "B7", Title: "RunTask places tasks only on the instances still ACTIVE",
		Evidence: documented, Sentences: []string{"intro.unavailable"}},
	{ID: "B8", Title: "re-registering its ARN: ClientException (inactive)",
		Evidence: observed, Sentences: []string{"intro.unavailable"}},
	{ID: "B9", Title: "UpdateContainerInstancesState never turns it ACTIVE again",
		Evidence: documented, Sentences: []string{"intro.unavailable"}},
	{ID: "B10", Title: "DeleteCluster refused while instances are active, allowed after",
		Evidence: docObs, Sentences: []string{"intro.not-terminated"}},
	{ID: "B11", Title: "deregistering it again never answers 5xx",
		Evidence: inferred, Sentences: []string{"intro.deregisters"}},

	{ID: "C1", Title: "a RUNNING task, force omitted: refused, nothing changes",
		Evidence:  "inferred (code), documented (refusal implied by force)",
		Sentences: []string{"force.forces", "intro.stop-tasks-first"}},
	{ID: "C2", Title: "a RUNNING task, force false: refused as with force omitted",
		Evidence:  "inferred (code), documented (refusal implied by force)",
		Sentences: []string{"force.forces"}},
	{ID: "C3", Title: "a RUNNING task, force true: succeeds, INACTIVE",
		Evidence: documented, Sentences: []string{"force.forces", "force.orphans"}},
	{ID: "C4", Title: "the orphaned task remains running",
		Evidence:  "documented (observable form inferred)",
		Sentences: []string{"force.orphans", "intro.orphans-consume"}},
	{ID: "C5", Title: "after force, the count drops by one and the instance is not listed",
		Evidence: documented, Sentences: []string{"force.orphans"}},
	{ID: "C6", Title: "a PENDING task counts as work like a RUNNING one",
		Evidence: inferred, Sentences: []string{"force.forces"}},

	{ID: "D1", Title: "the scheduler starts a copy of an orphaned service task elsewhere",
		Evidence: documented, Sentences: []string{"force.service-copy"}},
	{ID: "D2", Title: "with no room elsewhere, no copy lands on the deregistered instance",
		Evidence: "documented (\"if possible\")", Sentences: []string{"force.service-copy"}},
	{ID: "D3", Title: "the orphaned task's load balancer target is deregistered and drains",
		Evidence:  documented,
		Sentences: []string{"force.lb-deregistered", "force.lb-draining"}},

	{ID: "E1", Title: "deregistering does not terminate the EC2 instance",
		Evidence: documented, Sentences: []string{"intro.not-terminated"}},
	{ID: "E2", Title: "terminating a running EC2 instance deregisters it automatically",
		Evidence: documented, Sentences: []string{"note.terminate"}},
	{ID: "E3", Title: "terminating a stopped instance does not deregister it",
		Evidence: documented, Sentences: []string{"note.terminate"}},
	{ID: "E4", Title: "terminating an instance with a disconnected agent does not deregister it",
		Evidence: documented, Sentences: []string{"note.terminate"}},

	{ID: "F1", Title: "an unknown cluster: ClusterNotFoundException",
		Evidence:  docObs,
		Sentences: []string{"errors.cluster-not-found", "errors.cluster-400"}},
	{ID: "F2", Title: "an unknown instance ID: ClientException or InvalidParameterException",
		Evidence: inferred, Sentences: []string{"errors.client", "errors.client-identifier"}},
	{ID: "F3", Title: "the ARN of another cluster's instance: InvalidParameterException",
		Evidence:  "observed on other calls",
		Sentences: []string{"errors.invalid-parameter", "cluster.name-or-arn"}},
	{ID: "F4", Title: "the bare ID of another cluster's instance: refused, instance unchanged",
		Evidence: inferred, Sentences: []string{"errors.client-identifier"}},
	{ID: "F5", Title: "a malformed identifier: InvalidParameterException",
		Evidence:  "observed on other calls",
		Sentences: []string{"errors.invalid-parameter", "errors.invalid-400"}},
	{ID: "F6", Title: "containerInstance empty: ClientException or InvalidParameterException",
		Evidence: inferred, Sentences: []string{"instance.required", "errors.client"}},
	{ID: "F7", Title: "containerInstance missing: refused by the SDK, and on the wire a 400",
		Evidence:  "documented (required) / inferred (server code)",
		Sentences: []string{"instance.required"}},
	{ID: "F8", Title: "wrongly typed members or a body that is not JSON: 400",
		Evidence: inferred, Sentences: []string{"force.type", "cluster.type"}},
	{ID: "F9", Title: "ServerException: 500, surfaced as a ServerException",
		Evidence: documented, Sentences: []string{"errors.server", "errors.server-500"}},
	{ID: "F10", Title: "every error answer has the awsJson shape, status and request ID",
		Evidence: "documented (protocol)", Sentences: []string{"errors.client-400",
			"errors.cluster-400", "errors.invalid-400"}},

	{ID: "G1", Title: "the page's sample request is accepted",
		Evidence: documented, Basis: pageExample},
	{ID: "G2", Title: "the answer has the shape of the page's sample response",
		Evidence: documented, Basis: pageExample},
	{ID: "G3", Title: "the SDK's serialised request matches a checked-in capture",
		Evidence: "project's own contract", Basis: beyondPage,
		Outside: "TestSDKRequestsMatchGoldenCaptures in harness/wire, run by make test and " +
			"by make sdk-check"},

	{ID: "H1", Title: "N instances deregistered at once: all INACTIVE, count drops by N",
		Evidence: inferred, Basis: beyondPage},
	{ID: "H2", Title: "one instance deregistered by several callers at once: one effect",
		Evidence: inferred, Basis: beyondPage},
}
