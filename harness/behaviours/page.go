package behaviours

// Sentence is one sentence of the behaviour paragraphs of the API reference page of
// DeregisterContainerInstance: the description before "Request Syntax", the descriptions of
// the request parameters, the response element and the Errors.
//
// Only these sentences are quoted here, each as briefly as the page allows, so that a report
// can show what a spec holds an endpoint to without the project carrying the whole page.
type Sentence struct {
	// Key names the sentence for Row.Sentences: "<part>.<topic>".
	Key string

	// Where says where on the page the sentence stands.
	Where string

	// Text is the sentence as the page writes it.
	Text string

	// Advice, when set, says why the sentence states nothing an endpoint could be checked
	// against (advice to the reader, a pointer to other pages); it needs no spec.
	Advice string

	// Gap, when set, says why no spec checks the sentence yet. It is a known shortcoming of
	// the suite, listed in the catalogue; a test fails once a spec covers it, so that the
	// gap is removed here.
	Gap string
}

// Page is every sentence of the page's behaviour paragraphs, in page order.
var Page = []Sentence{
	{Key: "intro.deregisters", Where: "description",
		Text: "Deregisters an Amazon ECS container instance from the specified cluster."},
	{Key: "intro.unavailable", Where: "description",
		Text: "This instance is no longer available to run tasks."},
	{Key: "intro.stop-tasks-first", Where: "description",
		Text: "If you intend to use the container instance for some other purpose after " +
			"deregistration, we recommend that you stop all of the tasks running on the " +
			"container instance before deregistration."},
	{Key: "intro.orphans-consume", Where: "description",
		Text: "That prevents any orphaned tasks from consuming resources."},
	{Key: "intro.not-terminated", Where: "description",
		Text: "Deregistering a container instance removes the instance from a cluster, but it " +
			"doesn't terminate the EC2 instance."},
	{Key: "intro.billing", Where: "description",
		Text: "If you are finished using the instance, be sure to terminate it in the Amazon " +
			"EC2 console to stop billing.",
		Advice: "advice about billing; the EC2 side of it is row E1"},
	{Key: "note.terminate", Where: "note",
		Text: "If you terminate a running container instance, Amazon ECS automatically " +
			"deregisters the instance from your cluster (stopped container instances or " +
			"instances with disconnected agents aren't automatically deregistered when " +
			"terminated)."},

	{Key: "cluster.name-or-arn", Where: "parameter cluster",
		Text: "The short name or full Amazon Resource Name (ARN) of the cluster that hosts " +
			"the container instance to deregister."},
	{Key: "cluster.default", Where: "parameter cluster",
		Text: "If you do not specify a cluster, the default cluster is assumed."},
	{Key: "cluster.type", Where: "parameter cluster", Text: "Type: String"},

	{Key: "instance.id-or-arn", Where: "parameter containerInstance",
		Text: "The container instance ID or full ARN of the container instance to deregister."},
	{Key: "instance.arn-format", Where: "parameter containerInstance",
		Text: "For more information about the ARN format, see Amazon Resource Name (ARN) in " +
			"the Amazon ECS Developer Guide.",
		Advice: "a pointer to the developer guide"},
	{Key: "instance.required", Where: "parameter containerInstance", Text: "Required: Yes"},

	{Key: "force.forces", Where: "parameter force",
		Text: "Forces the container instance to be deregistered."},
	{Key: "force.orphans", Where: "parameter force",
		Text: "If you have tasks running on the container instance when you deregister it " +
			"with the force option, these tasks remain running until you terminate the " +
			"instance or the tasks stop through some other means, but they're orphaned (no " +
			"longer monitored or accounted for by Amazon ECS)."},
	{Key: "force.service-copy", Where: "parameter force",
		Text: "If an orphaned task on your container instance is part of an Amazon ECS " +
			"service, then the service scheduler starts another copy of that task, on a " +
			"different container instance if possible."},
	{Key: "force.lb-deregistered", Where: "parameter force",
		Text: "Any containers in orphaned service tasks that are registered with a Classic " +
			"Load Balancer or an Application Load Balancer target group are deregistered."},
	{Key: "force.lb-draining", Where: "parameter force",
		Text: "They begin connection draining according to the settings on the load " +
			"balancer or target group."},
	{Key: "force.type", Where: "parameter force", Text: "Type: Boolean"},

	{Key: "response.ok", Where: "response elements",
		Text: "If the action is successful, the service sends back an HTTP 200 response."},
	{Key: "response.instance", Where: "response elements",
		Text: "The container instance that was deregistered."},

	{Key: "errors.client", Where: "errors: ClientException",
		Text: "These errors are usually caused by a client action."},
	{Key: "errors.client-permissions", Where: "errors: ClientException",
		Text: "This client action might be using an action or resource on behalf of a user " +
			"that doesn't have permissions to use the action or resource.",
		Gap: "the suite signs with dummy credentials and models no IAM permissions"},
	{Key: "errors.client-identifier", Where: "errors: ClientException",
		Text: "Or, it might be specifying an identifier that isn't valid."},
	{Key: "errors.client-400", Where: "errors: ClientException",
		Text: "HTTP Status Code: 400"},
	{Key: "errors.cluster-not-found", Where: "errors: ClusterNotFoundException",
		Text: "The specified cluster wasn't found."},
	{Key: "errors.list-clusters", Where: "errors: ClusterNotFoundException",
		Text:   "You can view your available clusters with ListClusters.",
		Advice: "a pointer to another action"},
	{Key: "errors.region", Where: "errors: ClusterNotFoundException",
		Text: "Amazon ECS clusters are Region specific.",
		Gap:  "no spec yet addresses a cluster of another Region"},
	{Key: "errors.cluster-400", Where: "errors: ClusterNotFoundException",
		Text: "HTTP Status Code: 400"},
	{Key: "errors.invalid-parameter", Where: "errors: InvalidParameterException",
		Text: "The specified parameter isn't valid."},
	{Key: "errors.review-parameters", Where: "errors: InvalidParameterException",
		Text:   "Review the available parameters for the API request.",
		Advice: "advice to the reader"},
	{Key: "errors.invalid-400", Where: "errors: InvalidParameterException",
		Text: "HTTP Status Code: 400"},
	{Key: "errors.server", Where: "errors: ServerException",
		Text: "These errors are usually caused by a server issue."},
	{Key: "errors.server-500", Where: "errors: ServerException",
		Text: "HTTP Status Code: 500"},
}

// SentenceByKey returns the page sentence with the given key, or a sentence whose text says
// the key is unknown (a test keeps every key of the table known).
func SentenceByKey(key string) Sentence {
	for _, s := range Page {
		if s.Key == key {
			return s
		}
	}
	return Sentence{Key: key, Text: "(unknown sentence " + key + ")"}
}
