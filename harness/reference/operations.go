package reference

import "encoding/json"

// handler runs one operation on a raw request body and returns the encoded answer.
type handler func(s *Server, body []byte) ([]byte, error)

// operation adapts a typed operation into a handler. It decodes the body into the request
// struct before taking the lock, so a slow client holds no one up, then runs the operation
// and encodes its answer with the state locked: answers may share slices with the state.
func operation[Req any](run func(s *Server, req *Req) (any, error)) handler {
	return func(s *Server, body []byte) ([]byte, error) {
		var req Req
		if s.has(DefectLenientTypes) {
			body = coerceMembers(body)
		}
		if err := decodeBody(body, &req); err != nil {
			if s.has(DefectBadJSON500) && !json.Valid(body) {
				return nil, serverError() // Defect: the parser's error escapes as a 500.
			}
			return nil, err
		}

		s.mu.Lock()
		defer s.mu.Unlock()
		answer, err := run(s, &req)
		if err != nil {
			return nil, err
		}
		return json.Marshal(answer)
	}
}

// operations is the dispatch table, by the name that follows the X-Amz-Target prefix. It is
// built per Server so that a test can add an operation without touching shared state.
func operations() map[string]handler {
	return map[string]handler{
		"CreateCluster":                 operation((*Server).createCluster),
		"DeleteCluster":                 operation((*Server).deleteCluster),
		"DescribeClusters":              operation((*Server).describeClusters),
		"ListClusters":                  operation((*Server).listClusters),
		"RegisterContainerInstance":     operation((*Server).registerContainerInstance),
		"DeregisterContainerInstance":   operation((*Server).deregisterContainerInstance),
		"DescribeContainerInstances":    operation((*Server).describeContainerInstances),
		"ListContainerInstances":        operation((*Server).listContainerInstances),
		"UpdateContainerInstancesState": operation((*Server).updateContainerInstancesState),
		"RegisterTaskDefinition":        operation((*Server).registerTaskDefinition),
		"DeregisterTaskDefinition":      operation((*Server).deregisterTaskDefinition),
		"StartTask":                     operation((*Server).startTask),
		"RunTask":                       operation((*Server).runTask),
		"SubmitTaskStateChange":         operation((*Server).submitTaskStateChange),
		"StopTask":                      operation((*Server).stopTask),
		"DescribeTasks":                 operation((*Server).describeTasks),
		"ListTasks":                     operation((*Server).listTasks),
		"CreateService":                 operation((*Server).createService),
		"UpdateService":                 operation((*Server).updateService),
		"DeleteService":                 operation((*Server).deleteService),
		"DescribeServices":              operation((*Server).describeServices),
		"ListServices":                  operation((*Server).listServices),
	}
}
