module.exports = (who) => 'core greets ' + who;
